using CourseKit.Checking;
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

    private Dictionary<string, string> _outputNames = [];

    public IReadOnlyDictionary<string, NotebookReport> Reports { get; private set; } = new Dictionary<string, NotebookReport>();

    public async Task InitializeAsync()
    {
        await using var pipeline = new RunPipeline(new RunSettings(_output.Path, null, TimeSpan.FromSeconds(60)) { Packages = CoursePackages.All });
        var files = NotebookFiles.Expand(Folders);
        var reports = await pipeline.RunAllAsync(files);
        Reports = reports.ToDictionary(r => Path.GetRelativePath(RepoPaths.Root, r.Path));
        _outputNames = files.ToDictionary(f => Path.GetRelativePath(RepoPaths.Root, f.Path), f => f.OutputName);
    }

    public string ExecutedPath(string notebook) => Path.Combine(_output.Path, _outputNames[notebook]);

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
