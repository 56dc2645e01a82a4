using CourseKit.Notebooks.Export;

namespace CourseKit.Checking;

/// <summary>
/// How the course's notebooks become file-based apps: the kit's packages at their pinned versions, the course library
/// and the exercises as the projects they are built from, and the app runtime (src/CourseKit.Apps). The apps build
/// these projects from the course's source, so exporting needs that source: <see cref="FindSource"/>.
/// </summary>
public static class CourseApps
{
    private const string RuntimeProject = "src/CourseKit.Apps/CourseKit.Apps.csproj";

    /// <summary>The course's source folder at or above <paramref name="start"/> (the one holding <c>src/CourseKit.Apps</c>), or null.</summary>
    public static string? FindSource(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, RuntimeProject))) return folder.FullName;
        }
        return null;
    }

    public static AppReferences References(string sourceFolder)
    {
        string Project(string name) => Path.Combine(sourceFolder, "src", name, name + ".csproj");
        var projects = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["CourseKit"] = Project("CourseKit"),
            ["CourseKit.Exercises"] = Project("CourseKit.Exercises"),
        };
        var packages = CoursePackages.All.All.ToDictionary(p => p.Id, AppReference (p) =>
            projects.TryGetValue(p.Id, out var csproj) ? new AppReference.Project(csproj)
            : p.Id == "Plotly.NET.Interactive" ? new AppReference.Omitted("it only teaches Polyglot to show charts; the app writes them itself")
            : new AppReference.Package(p.Id, p.Version), StringComparer.OrdinalIgnoreCase);
        var runtime = new AppRuntime(Path.Combine(sourceFolder, RuntimeProject), ["static CourseKit.Apps.NotebookGlobals"], "CourseKit.Apps.NotebookApp",
        [
            "display(x), x.Display() and a cell's last expression print their text, as `coursekit run` shows it. Charts are also",
            "written beside this file as offline pages, <app>.cell<N>.html, drawing with plotly.js from the shared file beside them.",
        ]);
        return new AppReferences(runtime) { Packages = packages, Projects = projects };
    }
}
