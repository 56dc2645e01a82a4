using System.Text.Json.Nodes;

namespace CourseKit.Tests.RealKernel;

/// <summary>
/// Compares, cell by cell, what the kit's runner and the real .NET Interactive kernel showed for the same notebook.
/// Streams (Console text) and plain values must be equal. The only places they may differ, each checked for
/// what it must still have in common:
/// <list type="number">
/// <item>The set-up cell (the first code cell): .NET Interactive shows its package installation and "Loading
/// extensions" messages; the kit's runner shows nothing. Not compared.</item>
/// <item><c>#!mermaid</c> cells: .NET Interactive shows a Mermaid widget (HTML that loads mermaid.js); the kit's
/// runner draws Mermaid only on its HTML page, so its .ipynb shows nothing. Checked: the kit shows nothing and
/// the kernel shows exactly one Mermaid diagram.</item>
/// <item>Charts: the kit shows <c>application/vnd.plotly.v1+json</c> plus offline HTML and the text "Plotly
/// chart"; Plotly.NET.Interactive shows HTML only (plotly.js from its CDN). Checked: the figures' traces and
/// layout are equal JSON.</item>
/// <item>Tables (DataFrames and sequences of records): the kit shows its own HTML table and a text fallback;
/// .NET Interactive shows its own HTML only (an index column; records as expandable rows). Checked: the text of
/// every cell of the kit's table appears in the kernel's table.</item>
/// <item>Other objects (records, results): the kit shows their <c>ToString()</c> as text; .NET Interactive shows
/// an expandable table of their properties headed by that same text. Checked: the kernel's table starts with the
/// kit's text.</item>
/// </list>
/// </summary>
public static class EngineComparison
{
    public static ComparisonResult Compare(ExecutedNotebook kit, ExecutedNotebook kernel)
    {
        var walk = new CellByCell();
        foreach (var (number, cell, _) in walk.Pairs(kit, kernel))
        {
            if (number == kit.SetupCellNumber)
            {
                walk.Allow("set-up cell not compared");
                continue;
            }

            var mine = kit.ShownBy(number);
            var theirs = kernel.ShownBy(number);
            walk.Cells++;
            if (ExecutedNotebook.KernelOf(cell) == "mermaid")
            {
                if (mine.Count == 0 && theirs is [Shown.Other { What: "a Mermaid diagram" }]) walk.Allow("Mermaid cell: a widget in the kernel, nothing in the kit's .ipynb");
                else walk.Differ($"cell {number} (Mermaid): the kit showed {Describe(mine)}, the kernel {Describe(theirs)}");
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
                var difference = Difference(mine[i], theirs[i], walk.Allow);
                if (difference is not null) walk.Differ($"cell {number}, output {i + 1}: {difference}");
            }
        }
        return walk.Result();
    }

    private static string? Difference(Shown kit, Shown kernel, Action<string> allow)
    {
        switch (kit, kernel)
        {
            case (Shown.Stream a, Shown.Stream b):
                return a == b ? null : $"{a.Name} differs: kit {Quote(a.Text)}, kernel [{b.Name}] {Quote(b.Text)}";
            case (Shown.Value a, Shown.Value b):
                return a.Text.Trim() == b.Text.Trim() ? null : $"value differs: kit {Quote(a.Text)}, kernel {Quote(b.Text)}";
            case (Shown.Chart a, Shown.Chart b):
                if (!JsonNode.DeepEquals(a.Data, b.Data)) return "the charts' traces differ";
                if (!JsonNode.DeepEquals(a.Layout, b.Layout)) return "the charts' layouts differ";
                allow("chart compared by figure JSON");
                return null;
            case (Shown.Table a, Shown.Table b):
                var missing = a.Cells.Where(c => !b.Text.Contains(c, StringComparison.Ordinal)).ToList();
                if (a.Cells.Count == 0) return "the kit's table has no cells";
                if (missing.Count > 0) return $"the kernel's table lacks {missing.Count} of the kit's {a.Cells.Count} cells, e.g. {Quote(missing[0])}";
                allow("table compared by cell text");
                return null;
            case (Shown.Value a, Shown.Table b):
                if (!b.Text.StartsWith(ExecutedNotebook.TextOf(a.Text), StringComparison.Ordinal))
                    return $"the kit showed the value {Quote(a.Text)}, the kernel a table that does not start with it: {Quote(b.Text)}";
                allow("object: ToString() in the kit, a property table headed by it in the kernel");
                return null;
            default:
                return $"the kit showed {Describe([kit])}, the kernel {Describe([kernel])}";
        }
    }

    private static string Describe(IReadOnlyList<Shown> shown) => shown.Count == 0 ? "nothing"
        : string.Join(", ", shown.Select(s => s switch
        {
            Shown.Stream stream => $"{stream.Name} {Quote(stream.Text)}",
            Shown.Value value => $"the value {Quote(value.Text)}",
            Shown.Chart => "a chart",
            Shown.Table => "a table",
            Shown.Error error => $"the error {error.Name}: {Quote(error.Message)}",
            Shown.Other other => other.What,
            _ => s.GetType().Name,
        }));

    private static string Quote(string text) => "\"" + (text.Length > 120 ? text[..120] + "…" : text).ReplaceLineEndings("⏎") + "\"";
}
