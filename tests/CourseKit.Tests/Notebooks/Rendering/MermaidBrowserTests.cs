using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Rendering;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Notebooks.Rendering;

/// <summary>The vendored mermaid.js draws a page's diagrams in Chromium with the network cut off.</summary>
public class MermaidBrowserTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_flowchart_with_chained_edges_an_edge_label_and_a_subgraph_is_drawn_offline()
    {
        var notebook = Notebook.CreatePolyglot();
        notebook.AddCode("""
            #!mermaid
            flowchart LR
                A["Capability change"] --> B["Cost change"] --> C["Interaction change"]
                C -- enables --> D["Workflow fit"]
                subgraph Adoption["Adoption check"]
                    D
                end
            """, "mermaid");
        notebook.AddCode("#!mermaid\nmindmap\n  root((AIGC Frontier Trends))\n    Capability boundaries\n    Cost curves", "mermaid");
        var path = _folder.PathOf("diagram.html");
        File.WriteAllText(path, NotebookPage.Render(notebook, "Diagram"));

        await using var browser = await HeadlessBrowser.LaunchAsync();
        await using var page = await browser.OpenFileAsync(path, "section.mermaid:nth-of-type(2) svg");

        var flowchart = page.Page.Locator("section.mermaid svg").First;
        var text = await flowchart.TextContentAsync();
        foreach (var label in new[] { "Capability change", "Cost change", "Interaction change", "Workflow fit", "enables", "Adoption check" })
            Assert.Contains(label, text);
        Assert.Equal(3, await flowchart.Locator("path.flowchart-link").CountAsync());
        Assert.Equal(1, await flowchart.Locator("g.cluster").CountAsync());
        Assert.Contains("Cost curves", await page.Page.Locator("section.mermaid svg").Nth(1).TextContentAsync());
        Assert.Empty(page.Errors);
        Assert.Empty(page.BlockedRequests);
    }
}
