using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Execution;

/// <summary>Turns an exception thrown by a cell into an error output that points at the cell's own lines.</summary>
public static partial class CellErrors
{
    public static CellOutput.Error FromException(Exception exception, int cellNumber)
    {
        var traceback = new List<string> { $"{exception.GetType().FullName}: {exception.Message}" };
        traceback.AddRange(CellFrames(exception));
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            traceback.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        if (traceback.Count == 1)
            traceback.Add($"   in cell {cellNumber}");
        return new CellOutput.Error(exception.GetType().FullName ?? "Exception", exception.Message, traceback);
    }

    // Keeps the frames that belong to notebook cells, and the library frames between them, as "cell N, line L"; the
    // worker's own frames (CellHost), which differ between a cell run alone and one run in a group, are left out.
    private static IEnumerable<string> CellFrames(Exception exception)
    {
        var frames = (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var frame in frames)
        {
            var match = CellFrame().Match(frame);
            if (match.Success)
                yield return $"   in cell {match.Groups["cell"].Value}, line {match.Groups["line"].Value}";
            else if (!frame.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal) &&
                     !frame.Contains("System.Runtime.CompilerServices", StringComparison.Ordinal) &&
                     !frame.Contains("Submission#", StringComparison.Ordinal) &&
                     !frame.StartsWith("at " + typeof(CellHost).FullName, StringComparison.Ordinal) &&
                     !frame.StartsWith("--- End of stack trace", StringComparison.Ordinal))
                yield return "   " + frame;
        }
    }

    [GeneratedRegex(@"\bcell(?<cell>\d+):line (?<line>\d+)")]
    private static partial Regex CellFrame();
}
