using CourseKit.TrendMap;

namespace CourseKit.Tests.TrendMap;

public class TrendMapTests
{
    [Fact]
    public void The_chain_runs_from_capability_to_product_possibility()
    {
        Assert.Equal(["Capability change", "Cost change", "Interaction change", "Deployment change", "Product possibility change"],
            AigcTrendMap.Chain);
    }

    [Fact]
    public void Six_main_lines_with_the_seed_items()
    {
        Assert.Equal(
            ["Capability boundaries", "Workflow form", "Cost efficiency", "Interaction speed", "Deployment location", "System organization"],
            AigcTrendMap.MainLines.Select(l => l.Name));
        Assert.Equal(["Model", "Retrieval", "Tools", "Safety guardrails"], AigcTrendMap.Line("system organization").Items);
        Assert.Equal(17, AigcTrendMap.MainLines.Sum(l => l.Items.Count));
    }

    [Fact]
    public void Unknown_line_names_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => AigcTrendMap.Line("Speed"));
        Assert.Contains("'Speed' is not a main line", error.Message);
        Assert.Contains("Deployment location", error.Message);
    }

    [Fact]
    public void Chain_flowchart_is_mermaid_text()
    {
        Assert.Equal(
            "flowchart LR\n" +
            "    A[\"Capability change\"]\n" +
            "    A --> B[\"Cost change\"]\n" +
            "    B --> C[\"Interaction change\"]\n" +
            "    C --> D[\"Deployment change\"]\n" +
            "    D --> E[\"Product possibility change\"]\n",
            Mermaid.ChainFlowchart());
    }

    [Fact]
    public void Mindmap_nests_items_under_their_main_line()
    {
        var lines = Mermaid.MainLinesMindmap().Split('\n');

        Assert.Equal("mindmap", lines[0]);
        Assert.Equal("  root((AIGC Frontier Trends))", lines[1]);
        Assert.Equal("    Capability boundaries", lines[2]);
        Assert.Equal("      Multimodal", lines[3]);
        Assert.Equal(1 + 1 + 6 + 17 + 1, lines.Length); // trailing newline gives one empty entry
    }

    [Fact]
    public void Markdown_wraps_mermaid_in_a_fence()
    {
        Assert.Equal("```mermaid\nflowchart LR\n```\n", Mermaid.AsMarkdown("flowchart LR\n"));
    }
}
