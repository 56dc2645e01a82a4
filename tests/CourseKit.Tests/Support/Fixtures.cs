namespace CourseKit.Tests.Support;

public static class Fixtures
{
    // Deliberately broken notebooks are written when a test asks for them, not committed, so that every
    // .ipynb in the repository is a valid notebook.
    private static readonly Dictionary<string, string> Broken = new()
    {
        ["not-json.ipynb"] = "{\"cells\": [}",
        ["nbformat3.ipynb"] = "{\"nbformat\": 3, \"nbformat_minor\": 0, \"worksheets\": []}",
        ["empty-file.ipynb"] = "",
    };

    private static readonly string BrokenFolder =
        Path.Combine(Path.GetTempPath(), "coursekit-broken-notebooks-" + Environment.ProcessId);

    public static string Notebook(string name)
    {
        if (!Broken.TryGetValue(name, out var text))
            return Path.Combine(AppContext.BaseDirectory, "Fixtures", "notebooks", name);
        Directory.CreateDirectory(BrokenFolder);
        var path = Path.Combine(BrokenFolder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
