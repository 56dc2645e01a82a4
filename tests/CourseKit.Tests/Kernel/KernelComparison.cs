using System.Text.Json.Nodes;
using CourseKit.Tests.RealKernel;

namespace CourseKit.Tests.Kernel;

/// <summary>
/// Compares, cell by cell, a notebook executed by nbconvert through the <c>coursekit-csharp</c> kernel with the same
/// notebook run by <c>coursekit run</c>. Both are the kit's runner, so, unlike <see cref="EngineComparison"/> (the
/// .NET Interactive lane), every code cell is compared, the set-up cell included: the same outputs in the same order,
/// each of the same output type; streams by name and text (consecutive outputs of one stream joined, as nbconvert may
/// join them); displays and results by their <c>text/plain</c>, and charts also by their Plotly figure JSON. HTML is
/// not compared: charts carry fresh element ids in it. The only places they may differ, each checked for what it must
/// still have in common:
/// <list type="number">
/// <item><c>#!mermaid</c> and <c>#!markdown</c> cells: <c>coursekit run</c> draws them only on its HTML page, so its
/// .ipynb shows nothing; the kernel shows them as one Markdown display. Checked: the kit shows nothing, the kernel
/// exactly one <c>display_data</c> whose <c>text/plain</c> is the cell's text after the magic line.</item>
/// <item>A display without <c>text/plain</c> in the kit's .ipynb: the kernel adds one, since every Jupyter front end
/// must be able to show a bundle. Checked: the output types and every other compared part are equal.</item>
/// </list>
/// </summary>
public static class KernelComparison
{
    /// <summary>One output reduced to what is compared: its type, stream name or <c>text/plain</c>, and any figure JSON.</summary>
    private sealed record Compared(string Type, string? Name, string? Text, JsonNode? Figure);

    public static ComparisonResult Compare(ExecutedNotebook kit, ExecutedNotebook kernel)
    {
        var walk = new CellByCell();
        foreach (var (number, cell, kernelCell) in walk.Pairs(kit, kernel))
        {
            walk.Cells++;
            var mine = Outputs(cell);
            var theirs = Outputs(kernelCell);
            if (PassiveBody(ExecutedNotebook.SourceOf(cell)) is { } body)
            {
                if (mine.Count == 0 && theirs is [{ Type: "display_data" } shown] && shown.Text == body) walk.Allow("#!mermaid/#!markdown cell: nothing in the kit's .ipynb, Markdown in the kernel");
                else walk.Differ($"cell {number} (#!mermaid/#!markdown): the kit showed {Describe(mine)}, the kernel {Describe(theirs)}");
                continue;
            }
            if (mine.Count != theirs.Count)
            {
                walk.Differ($"cell {number}: the kit showed {Describe(mine)}, the kernel {Describe(theirs)}");
                continue;
            }
            for (var i = 0; i < mine.Count; i++)
            {
                walk.Outputs++;
                var (a, b) = (mine[i], theirs[i]);
                if (a.Type != b.Type || a.Name != b.Name)
                    walk.Differ($"cell {number}, output {i + 1}: the kit showed {Describe([a])}, the kernel {Describe([b])}");
                else if (!JsonNode.DeepEquals(a.Figure, b.Figure))
                    walk.Differ($"cell {number}, output {i + 1}: the charts' figures differ");
                else if (a.Text is null && a.Type != "stream")
                    walk.Allow("no text/plain in the kit's .ipynb, one added by the kernel");
                else if (a.Text != b.Text)
                    walk.Differ($"cell {number}, output {i + 1}: the kit showed {Describe([a])}, the kernel {Describe([b])}");
            }
        }
        return walk.Result();
    }

    /// <summary>The text a <c>#!mermaid</c> or <c>#!markdown</c> cell shows, as the kernel's PassiveCell cuts it; null for a C# cell.</summary>
    private static string? PassiveBody(string source)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0 || lines[first].Trim() is not ("#!mermaid" or "#!markdown" or "#!md")) return null;
        return string.Join('\n', lines.Skip(first + 1)).Trim('\n');
    }

    private static List<Compared> Outputs(JsonObject cell)
    {
        var outputs = new List<Compared>();
        foreach (var output in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var type = (string?)output["output_type"] ?? "";
            if (type == "stream")
            {
                var name = (string?)output["name"];
                var text = ExecutedNotebook.Lines(output["text"]);
                if (outputs.Count > 0 && outputs[^1] is { Type: "stream" } last && last.Name == name)
                    outputs[^1] = last with { Text = last.Text + text };
                else
                    outputs.Add(new Compared(type, name, text, null));
                continue;
            }
            if (type == "error")
            {
                outputs.Add(new Compared(type, (string?)output["ename"], (string?)output["evalue"], null));
                continue;
            }
            var data = output["data"] as JsonObject ?? [];
            outputs.Add(new Compared(type, null, data["text/plain"] is { } plain ? ExecutedNotebook.Lines(plain) : null,
                data["application/vnd.plotly.v1+json"]?.DeepClone()));
        }
        return outputs;
    }

    private static string Describe(IReadOnlyList<Compared> shown) => shown.Count == 0 ? "nothing"
        : string.Join(", ", shown.Select(s => $"{s.Type}{(s.Name is null ? "" : " " + s.Name)} {Quote(s.Text ?? "(no text/plain)")}{(s.Figure is null ? "" : " (a chart)")}"));

    private static string Quote(string text) => "\"" + (text.Length > 160 ? text[..160] + "…" : text).ReplaceLineEndings("⏎") + "\"";
}
