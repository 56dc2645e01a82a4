namespace CourseKit.Notebooks.Site;

/// <summary>Why the site cannot be built, one problem per line, each naming the page (by its source file) and what is wrong.</summary>
public sealed class SiteException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public SiteException(string problem) : this([problem]) { }

    public IReadOnlyList<string> Problems { get; } = problems;
}
