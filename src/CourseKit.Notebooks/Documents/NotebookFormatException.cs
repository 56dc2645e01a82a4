namespace CourseKit.Notebooks.Documents;

/// <summary>A notebook file that cannot be read: the message names the file and what is wrong.</summary>
public sealed class NotebookFormatException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
    public string Problem { get; } = problem;

    public override string? StackTrace => null;
}
