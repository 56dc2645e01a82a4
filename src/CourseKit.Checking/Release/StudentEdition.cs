namespace CourseKit.Checking.Release;

/// <summary>
/// The self-contained student folder: the library sources the notebooks and checks need, the course data,
/// the student notebooks, a README and an xunit project so that <c>dotnet test</c> there checks the
/// learner's notebooks. The hidden checks and the instructor sources are never copied.
/// </summary>
public static class StudentEdition
{
    /// <summary>The projects the student edition builds, all under <c>src/</c>.</summary>
    public static readonly string[] Projects =
    [
        "CourseKit", "CourseKit.Exercises", "CourseKit.Notebooks", "CourseKit.Notebooks.Hosting", "CourseKit.Notebooks.Runtime", "CourseKit.Worker", "CourseKit.Checking",
    ];

    /// <summary>Source files compiled into several of those projects (linked with <c>Compile Include</c>).</summary>
    public const string SharedSources = "Shared";

    /// <summary>The repository folder holding the README, solution and test project of the student edition.</summary>
    public const string KitFolder = "student-kit";

    private static readonly string[] SkippedFolders = ["bin", "obj"];

    public static void Write(string repoRoot, string outFolder)
    {
        if (Directory.Exists(outFolder) && Directory.EnumerateFileSystemEntries(outFolder).Any())
            throw new ReleaseException(outFolder, null, "the output folder is not empty; give a new or empty folder.");
        Directory.CreateDirectory(outFolder);
        foreach (var project in Projects)
            CopyTree(Path.Combine(repoRoot, "src", project), Path.Combine(outFolder, "src", project));
        CopyTree(Path.Combine(repoRoot, "src", SharedSources), Path.Combine(outFolder, "src", SharedSources));
        CopyTree(Path.Combine(repoRoot, "data"), Path.Combine(outFolder, "data"));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", ".gitignore" })
            File.Copy(Path.Combine(repoRoot, file), Path.Combine(outFolder, file));
        CopyTree(Path.Combine(repoRoot, KitFolder), outFolder);
        ReleasePipeline.WriteStudentNotebooks(repoRoot, Path.Combine(outFolder, ReleasePipeline.StudentFolder));
    }


    private static void CopyTree(string from, string to)
    {
        if (!Directory.Exists(from)) throw new ReleaseException(from, null, "this folder of the repository is missing.");
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        foreach (var folder in Directory.EnumerateDirectories(from).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
            CopyTree(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
