using System.Text.Json.Nodes;
using CourseKit.Checking;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Site;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Site;

/// <summary>A site from a hand-made plan, through the whole pipeline: what cell tags fold is drawn when a reader opens it.</summary>
[Trait("Category", "Slow")]
public class FoldedOutputBrowserTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_chart_and_a_diagram_folded_by_tags_draw_when_their_details_open()
    {
        var notebook = Notebook.CreatePolyglot();
        notebook.AddMarkdown("# Folded things");
        var chart = notebook.AddCode("Charts.Something()");
        chart.SetOutputs([JsonNode.Parse("""
            {"output_type":"display_data","metadata":{},"data":{"application/vnd.plotly.v1+json":
              {"data":[{"type":"bar","x":["alpha","beta"],"y":[3,5]}],"layout":{"width":1400,"height":500,"title":{"text":"Folded chart"}}}}}
            """)], 1);
        chart.Metadata["tags"] = new JsonArray("hide-output");
        notebook.AddCode("#!mermaid\nflowchart LR\n  A[Folded start] --> B[Folded end]", "mermaid").Metadata["tags"] = new JsonArray("hide-cell");
        var plan = new SitePlan("Folded", [PlannedPage.FromNotebook("notebooks/folded.ipynb", "notebooks/folded.html", 0, notebook)]);
        var report = await SitePipeline.BuildAsync(plan, _folder.PathOf("site"),
            new SiteRunSettings(TimeSpan.FromSeconds(30), PackageCatalog.Empty, CoursePages.Charts));
        Assert.Equal(1, report.Pages);

        await using var browser = await HeadlessBrowser.LaunchAsync();
        await using var page = await browser.OpenFileAsync(_folder.PathOf("site/notebooks/folded.html"), "main.content", viewportWidth: 390);
        Assert.Equal(0, await page.CountAsync(".output.chart .main-svg"));
        Assert.Equal(0, await page.CountAsync("pre.mermaid svg"));

        await page.Page.Locator("details.hide-output > summary").ClickAsync();
        await page.Page.WaitForSelectorAsync(".output.chart[data-drawn='done'] .main-svg");
        await page.Page.Locator("details.folded > summary", new() { HasText = "Show code cell" }).ClickAsync();
        await page.Page.WaitForSelectorAsync("pre.mermaid svg");

        Assert.Contains("Folded chart", await page.Page.Locator(".output.chart").TextContentAsync());
        Assert.Contains("Folded end", await page.Page.Locator("pre.mermaid svg").TextContentAsync());
        // Drawn when opened, at the width of the phone's column rather than its own 1400 px.
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.querySelector('.output.chart .main-svg').getBoundingClientRect().width <= 390"));
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        Assert.Empty(page.Errors);
        Assert.Empty(page.BlockedRequests);
    }
}
