using System.Globalization;
using System.Text;
using CourseKit.Checking.NotebookChecks;
using CourseKit.Notebooks.Rendering;

namespace CourseKit.Grading.Outputs;

/// <summary>
/// A student's code where a notebook stopped on a compile error or exception, as the feedback shows it: each excerpt
/// line numbered as in the cell, the failing lines marked ✗ with their messages beside them (HTML) or under them
/// (Markdown, in a code block).
/// </summary>
public static class FailedCodeView
{
    public const string Heading = "Where your code failed";

    /// <summary>One failure on the HTML page; its heading is the notebook, cell and error.</summary>
    public sealed record Block(string Heading, IReadOnlyList<Excerpt> Excerpts);

    public sealed record Excerpt(string Title, IReadOnlyList<Line> Lines);

    /// <summary>A code line, highlighted by Roslyn's classifier; <see cref="GapBefore"/>: lines were left out above it.</summary>
    public sealed record Line(string Number, TrustedHtml Code, bool Marked, IReadOnlyList<string> Marks, bool GapBefore);

    public static string Title(FailedCode failed) => $"{failed.Notebook}: cell {failed.Cell} {failed.Summary}";

    public static string ExcerptTitle(FailedCode failed, CodeExcerpt excerpt) =>
        excerpt.Cell == failed.Cell ? $"Cell {excerpt.Cell}" : $"Cell {excerpt.Cell} (cell {failed.Cell} called code here)";

    public static IReadOnlyList<Block> Html(IReadOnlyList<FailedCode> failures) =>
        failures.Select(failed => new Block(Title(failed), failed.Excerpts.Select(excerpt =>
        {
            var code = CSharpHtml.HighlightLines(string.Join('\n', excerpt.Lines.Select(l => l.Text)));
            return new Excerpt(ExcerptTitle(failed, excerpt), excerpt.Lines.Select((line, i) => new Line(
                line.Number.ToString(CultureInfo.InvariantCulture), new TrustedHtml(code[i]), line.Marks.Count > 0, line.Marks,
                GapBefore: i > 0 && excerpt.Lines[i - 1].Number + 1 != line.Number)).ToList());
        }).ToList())).ToList();

    /// <summary>The failures as Markdown: a heading per failure and a fenced block per excerpt, marked lines starting with ✗.</summary>
    public static void AppendMarkdown(StringBuilder text, IReadOnlyList<FailedCode> failures, Func<string, string> inline)
    {
        if (failures.Count == 0) return;
        text.AppendLine($"## {Heading}");
        text.AppendLine();
        foreach (var failed in failures)
        {
            text.AppendLine($"### {inline(Title(failed))}");
            text.AppendLine();
            foreach (var excerpt in failed.Excerpts)
            {
                text.AppendLine(inline(ExcerptTitle(failed, excerpt)) + ":");
                text.AppendLine();
                var width = excerpt.Lines.Max(l => l.Number).ToString(CultureInfo.InvariantCulture).Length;
                var block = new StringBuilder();
                for (var i = 0; i < excerpt.Lines.Count; i++)
                {
                    var line = excerpt.Lines[i];
                    if (i > 0 && excerpt.Lines[i - 1].Number + 1 != line.Number) block.AppendLine($"  {new string(' ', width)} ⋮");
                    var number = line.Number.ToString(CultureInfo.InvariantCulture).PadLeft(width);
                    block.AppendLine($"{(line.Marks.Count > 0 ? "✗" : " ")} {number} | {line.Text}");
                    foreach (var mark in line.Marks) block.AppendLine($"  {new string(' ', width)} | ^ {mark}");
                }
                var fence = Fence(block.ToString());
                text.AppendLine(fence + "text");
                text.Append(block);
                text.AppendLine(fence);
                text.AppendLine();
            }
        }
    }

    // A fence longer than any run of backticks in the block, so student code cannot close it (CommonMark's rule).
    private static string Fence(string block)
    {
        int longest = 0, run = 0;
        foreach (var c in block)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return new string('`', Math.Max(3, longest + 1));
    }
}
