using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Pipelines;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Course;

/// <summary>Runs the whole course once, as <c>coursekit run</c> does, for every test that reads its results.</summary>
public sealed class CourseRunFixture : IAsyncLifetime
{
    private readonly TempFolder _output = new();

    public static IReadOnlyList<string> Folders { get; } =
        new[] { "notebooks", "exercises" }.Select(f => RepoPaths.Combine(f)).Where(Directory.Exists).ToList();

    public IReadOnlyDictionary<string, NotebookReport> Reports { get; private set; } = new Dictionary<string, NotebookReport>();

    public async Task InitializeAsync()
    {
        await using var pipeline = new RunPipeline(new RunSettings(_output.Path, null, TimeSpan.FromSeconds(60)));
        var reports = await pipeline.RunAllAsync(NotebookFiles.Expand(Folders));
        Reports = reports.ToDictionary(r => Path.GetRelativePath(RepoPaths.Root, r.Path));
    }

    public string ExecutedPath(string notebook) => Path.Combine(_output.Path, Path.GetFileName(notebook));

    public Notebook Executed(string notebook) => Notebook.Load(ExecutedPath(notebook));

    public Task DisposeAsync()
    {
        _output.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class CourseRunCollection : ICollectionFixture<CourseRunFixture>
{
    public const string Name = "course run";
}
