using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Execution;

/// <summary>A line of a cell's own code that an error points at; <see cref="Message"/> is the compiler's, or null for a stack frame.</summary>
public sealed record CellLocation(int Cell, int Line, int? Column, string? Message);

/// <summary>
/// Where an error output points in the notebook's cells, read from its traceback: compiler diagnostics
/// (<c>CompileErrors</c>: "Cell 3, line 2, column 5: error CS0103: …", also directive errors) and exception
/// frames in cell code (<see cref="CellErrors"/>: "   in cell 3, line 2"), innermost frame first.
/// </summary>
public static partial class ErrorLocations
{
    public static IReadOnlyList<CellLocation> Of(CellOutput.Error error)
    {
        var locations = new List<CellLocation>();
        foreach (var line in error.Traceback)
        {
            if (Diagnostic().Match(line) is { Success: true } diagnostic)
                locations.Add(new CellLocation(Number(diagnostic, "cell"), Number(diagnostic, "line"),
                    diagnostic.Groups["column"].Success ? Number(diagnostic, "column") : null, diagnostic.Groups["message"].Value));
            else if (Frame().Match(line) is { Success: true } frame)
                locations.Add(new CellLocation(Number(frame, "cell"), Number(frame, "line"), null, null));
        }
        return locations;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Cell (?<cell>\d{1,9}), line (?<line>\d{1,9})(?:, column (?<column>\d{1,9}))?: (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex Diagnostic();

    [GeneratedRegex(@"^\s*in cell (?<cell>\d{1,9}), line (?<line>\d{1,9})$")]
    private static partial Regex Frame();
}
