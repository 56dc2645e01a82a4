using CourseKit.Notebooks.Documents;

namespace CourseKit.Checking.Release;

/// <summary>Instructor source → student notebook, one small step at a time (like nbgrader's preprocessors).</summary>
public static class ReleasePipeline
{
    /// <summary>The folder of the instructor sources, relative to the repository root.</summary>
    public const string SourceFolder = "exercises/source";

    /// <summary>The folder of the student notebooks, in the repository and in the student edition.</summary>
    public const string StudentFolder = "exercises";

    public static IReadOnlyList<IReleaseStep> StudentSteps { get; } =
    [
        new ValidateTags(),
        new RenderPrompts(),
        new ReplaceSolutions(),
        new DropInstructorCells(),
        new ClearOutputs(),
        new RewriteKitReferences(),
    ];

    /// <summary>Steps that keep an instructor source itself up to date (its prompts come from the catalog).</summary>
    public static IReadOnlyList<IReleaseStep> SourceSteps { get; } = [new ValidateTags(), new RenderPrompts()];

    public static Notebook Release(string sourcePath) => Apply(sourcePath, StudentSteps);

    public static Notebook Apply(string sourcePath, IEnumerable<IReleaseStep> steps)
    {
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(sourcePath);
        }
        catch (NotebookFormatException error)
        {
            throw new ReleaseException(sourcePath, null, error.Problem);
        }
        foreach (var step in steps) step.Apply(notebook, sourcePath);
        return notebook;
    }

    /// <summary>The instructor sources under <paramref name="repoRoot"/>, in course order.</summary>
    public static IReadOnlyList<string> Sources(string repoRoot) =>
        Exercises.Catalog.ExerciseCatalog.Notebooks
            .Select(n => Path.Combine(repoRoot, SourceFolder, n.FileName))
            .ToList();

    /// <summary>Writes every student notebook into <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> WriteStudentNotebooks(string repoRoot, string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var source in Sources(repoRoot))
        {
            var target = Path.Combine(folder, Path.GetFileName(source));
            Release(source).Save(target);
            written.Add(target);
        }
        return written;
    }
}
