namespace CourseKit.Tests.Support;

/// <summary>Folders of the repository the tests run in.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding <c>CourseKit.sln</c>, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A folder under the gitignored <c>out/</c>, created if missing.</summary>
    public static string Out(string name)
    {
        var path = Path.Combine(Root, "out", name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CourseKit.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No CourseKit.sln above {AppContext.BaseDirectory}.");
    }
}
