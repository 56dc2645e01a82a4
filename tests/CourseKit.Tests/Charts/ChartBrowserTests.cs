using CourseKit.Charts;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.ChartTests;

/// <summary>
/// Renders the saved pages in headless Chromium with the network cut off. Also leaves a PNG of each
/// chart in <c>out/charts/</c> for a person to look at (rerun this class to refresh them).
/// </summary>
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
}
