using System.Text.Json.Nodes;
using CourseKit.Tests.RealKernel;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Kernel;

/// <summary>What <see cref="KernelComparison"/> lets through and what it reports, on small hand-made notebooks.</summary>
public sealed class KernelComparisonTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private ExecutedNotebook Notebook(string name, params (string Source, JsonArray Outputs)[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code", ["source"] = c.Source, ["metadata"] = new JsonObject(), ["outputs"] = c.Outputs,
            }).ToArray()),
        };
        return new ExecutedNotebook(_folder.Write(name, notebook.ToJsonString()));
    }

    private static JsonObject Stream(string text) => new() { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = text };

    private static JsonObject Result(string plain) => new() { ["output_type"] = "execute_result", ["data"] = new JsonObject { ["text/plain"] = plain } };

    [Fact]
    public void Equal_outputs_pass_and_split_streams_are_joined()
    {
        var kit = Notebook("kit.ipynb", ("Console.Write(\"ab\"); 1", [Stream("ab"), Result("1")]));
        var kernel = Notebook("kernel.ipynb", ("Console.Write(\"ab\"); 1", [Stream("a"), Stream("b"), Result("1")]));

        var result = KernelComparison.Compare(kit, kernel);

        Assert.Empty(result.Differences);
        Assert.Equal(2, result.OutputsCompared);
    }

    [Fact]
    public void A_different_text_or_a_missing_output_is_a_difference()
    {
        var kit = Notebook("kit.ipynb", ("x", [Stream("one\n"), Result("1")]), ("y", [Result("2")]));
        var kernel = Notebook("kernel.ipynb", ("x", [Stream("one\n"), Result("3")]), ("y", []));

        var result = KernelComparison.Compare(kit, kernel);

        Assert.Equal(2, result.Differences.Count);
        Assert.StartsWith("cell 1, output 2:", result.Differences[0]);
        Assert.StartsWith("cell 2:", result.Differences[1]);
    }

    [Fact]
    public void A_mermaid_cell_may_show_nothing_in_the_kit_and_its_text_as_markdown_in_the_kernel()
    {
        const string source = "#!mermaid\nflowchart LR\n  A --> B";
        var markdown = new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = new JsonObject { ["text/markdown"] = "```mermaid\nflowchart LR\n  A --> B\n```", ["text/plain"] = "flowchart LR\n  A --> B" },
        };
        var kit = Notebook("kit.ipynb", (source, []));

        Assert.Empty(KernelComparison.Compare(kit, Notebook("kernel.ipynb", (source, [markdown]))).Differences);
        Assert.Single(KernelComparison.Compare(kit, Notebook("other.ipynb", (source, [Stream("drawn")]))).Differences);
    }

    public void Dispose() => _folder.Dispose();
}
