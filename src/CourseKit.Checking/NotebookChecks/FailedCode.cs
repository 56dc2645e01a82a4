using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Checking.NotebookChecks;

/// <summary>One line of a learner's cell; <see cref="Marks"/> are the messages that point at it (none: a line of context).</summary>
public sealed record CodeLine(int Number, string Text, IReadOnlyList<string> Marks);

/// <summary>Lines of one cell around the lines an error points at, in order; a jump in <see cref="CodeLine.Number"/> is lines left out.</summary>
public sealed record CodeExcerpt(int Cell, IReadOnlyList<CodeLine> Lines);

/// <summary>
/// Where a notebook run stopped on the learner's own code: the cell that failed to compile or threw, what happened
/// (<see cref="Summary"/>: "does not compile", or "stopped with" the exception), and
/// an excerpt of each cell the error points at (compiler diagnostics; for an exception, the frames in cell code, the
/// innermost one carrying the message), so feedback can show the message beside the failing line.
/// </summary>
public sealed record FailedCode(string Notebook, int Cell, string Summary, IReadOnlyList<CodeExcerpt> Excerpts)
{
    /// <summary>Lines shown before and after a marked line.</summary>
    public const int Context = 3;

    private const int MaxCells = 3;
    private const int MaxMarksPerCell = 5;
    private const int MaxLines = 40;
    private const int MaxLineChars = 240;
    private const int MaxMessageChars = 400;

    /// <summary>Null when the run did not stop on an error that points at a line of the notebook's cells.</summary>
    public static FailedCode? Of(Notebook notebook, string fileName, NotebookRunResult run)
    {
        if (run.Failure is not { CellNumber: { } failed }) return null;
        var error = run.Executions.LastOrDefault(e => e.Number == failed)?.Outputs.OfType<CellOutput.Error>().LastOrDefault();
        if (error is null) return null;
        var marks = Marks(error)
            .Where(m => m.Cell >= 1 && m.Cell <= notebook.Cells.Count && m.Line >= 1 && m.Line <= LinesOf(notebook, m.Cell).Length)
            .ToList();
        var excerpts = marks.GroupBy(m => m.Cell)
            .Take(MaxCells)
            .Select(cell => Excerpt(cell.Key, LinesOf(notebook, cell.Key), cell.Take(MaxMarksPerCell).ToList()))
            .ToList();
        var summary = error.Name is "CompilationError" or "DirectiveError" or "UnsupportedMagic" ? "does not compile" : $"stopped with {error.Name}: {error.Value}";
        return excerpts.Count == 0 ? null : new FailedCode(fileName, failed, Shorten(summary, MaxMessageChars), excerpts);
    }

    // A compiler diagnostic carries its own message; of an exception's frames, the innermost gets the exception and
    // the others say the exception passed through them. One mark per line.
    private static IEnumerable<(int Cell, int Line, string Message)> Marks(CellOutput.Error error)
    {
        var seen = new HashSet<(int, int)>();
        var first = true;
        foreach (var location in ErrorLocations.Of(error))
        {
            var message = location.Message is { } diagnostic
                ? (location.Column is { } column ? $"column {column}: " : "") + diagnostic
                : first ? $"{error.Name}: {error.Value}"
                : "the exception passed through this line (a call from here).";
            first = false;
            if (seen.Add((location.Cell, location.Line))) yield return (location.Cell, location.Line, Shorten(message, MaxMessageChars));
        }
    }

    private static CodeExcerpt Excerpt(int cell, string[] lines, IReadOnlyList<(int Cell, int Line, string Message)> marks)
    {
        var shown = new SortedSet<int>();
        foreach (var mark in marks)
            for (var line = Math.Max(1, mark.Line - Context); line <= Math.Min(lines.Length, mark.Line + Context); line++)
                shown.Add(line);
        var kept = shown.Where(line => marks.Any(m => m.Line == line)).Concat(shown).Distinct().Take(MaxLines).Order();
        return new CodeExcerpt(cell, kept
            .Select(line => new CodeLine(line, Shorten(lines[line - 1], MaxLineChars), marks.Where(m => m.Line == line).Select(m => m.Message).ToList()))
            .ToList());
    }

    private static string[] LinesOf(Notebook notebook, int cell) =>
        notebook.Cells[cell - 1].Source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static string Shorten(string text, int max)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }
}
