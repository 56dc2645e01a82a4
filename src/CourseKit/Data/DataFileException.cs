namespace CourseKit.Data;

/// <summary>
/// Bad course data: the message names the file, the line and column where known, and what was expected.
/// </summary>
public sealed class DataFileException : Exception
{
    public DataFileException(string file, int? line, string? column, string problem)
        : base(Describe(file, line, column, problem))
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public string File { get; }
    public int? Line { get; }
    public string? Column { get; }
    public string Problem { get; }

    // Keeps notebook and console output to the one readable line.
    public override string? StackTrace => null;

    private static string Describe(string file, int? line, string? column, string problem)
    {
        var where = file;
        if (line is not null) where += $", line {line}";
        if (column is not null) where += $", column '{column}'";
        return $"{where}: {problem}";
    }
}
