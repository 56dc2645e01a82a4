using CourseKit.Charting;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Charts;

// Inside namespace CourseKit.*, the name Charts means the namespace CourseKit.Charting; alias the class.
using Charts = CourseKit.Charting.Charts;

/// <summary>
/// Renders the saved pages in headless Chromium with the network cut off. Also leaves a PNG of each
/// chart in <c>out/charts/</c> for a person to look at (rerun this class to refresh them).
/// </summary>
[Trait("Category", "Slow")]
public class ChartBrowserTests
{
    private const string PlotContainer = ".js-plotly-plot";

    [Fact]
    public async Task Every_chart_renders_offline_with_no_label_cut_off()
    {
        var outDir = RepoPaths.Out("charts");
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var charts = ChartPages.All();
        var problems = new List<string>();

        foreach (var (name, chart) in charts)
        {
            var htmlPath = Path.Combine(outDir, name + ".html");
            ChartHtml.SavePage(htmlPath, name, chart);
            await using var page = await browser.OpenFileAsync(htmlPath, ".main-svg");

            Assert.Equal(1, await page.CountAsync(PlotContainer));
            await page.ScreenshotElementAsync(PlotContainer + " .main-svg", 0, Path.Combine(outDir, name + ".png"));
            problems.AddRange((await page.TextOutsideContainersAsync(PlotContainer)).Select(c => $"{name}: {c}"));
            problems.AddRange(page.Errors.Select(e => $"{name}: error {e}"));
            problems.AddRange(page.BlockedRequests.Select(u => $"{name}: tried to load {u}"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_page_of_all_charts_draws_each_one()
    {
        var outDir = RepoPaths.Out("charts");
        var charts = ChartPages.All();
        var htmlPath = Path.Combine(outDir, "all-charts.html");
        ChartHtml.SavePage(htmlPath, "CourseKit charts", charts.Select(c => c.Chart).ToArray());

        await using var browser = await HeadlessBrowser.LaunchAsync();
        await using var page = await browser.OpenFileAsync(htmlPath, ".main-svg");
        await page.Page.WaitForFunctionAsync($"document.querySelectorAll('{PlotContainer} .main-svg').length >= {charts.Count}");

        Assert.Equal(charts.Count, await page.CountAsync(PlotContainer));
        Assert.Empty(await page.TextOutsideContainersAsync(PlotContainer));
        Assert.Empty(page.Errors);
        Assert.Empty(page.BlockedRequests);
        await page.ScreenshotAsync(Path.Combine(outDir, "all-charts.png"));
    }

    [Fact]
    public async Task Fragments_draw_on_a_page_with_an_AMD_loader_even_when_plotly_js_comes_later()
    {
        // A notebook front end may have require.js; the first fragment arrives before plotly.js does.
        var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" +
                   "<script>window.define = function () { window.amdCaptured = true; }; window.define.amd = {};</script>" +
                   "</head><body>" +
                   ChartHtml.Fragment(Charts.TrendMap(), includePlotlyJs: false) +
                   ChartHtml.Fragment(Charts.Radar(global::CourseKit.Data.CourseData.SeedTrends().Select(t => t.Scores)), includePlotlyJs: true) +
                   "</body></html>";
        var htmlPath = Path.Combine(RepoPaths.Out("charts"), "fragments-with-amd.html");
        File.WriteAllText(htmlPath, html);

        await using var browser = await HeadlessBrowser.LaunchAsync();
        await using var page = await browser.OpenFileAsync(htmlPath, ".main-svg");
        await page.Page.WaitForFunctionAsync($"document.querySelectorAll('{PlotContainer} .main-svg').length >= 2");

        Assert.Equal(2, await page.CountAsync(PlotContainer));
        Assert.False(await page.Page.EvaluateAsync<bool>("() => window.amdCaptured === true"));
        Assert.True(await page.Page.EvaluateAsync<bool>("() => typeof window.define === 'function' && !!window.define.amd"));
        Assert.Empty(page.Errors);
        Assert.Empty(page.BlockedRequests);
    }
}
