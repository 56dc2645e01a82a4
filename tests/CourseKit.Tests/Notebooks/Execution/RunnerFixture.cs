using CourseKit.Checking;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Tests.Notebooks.Execution;

/// <summary>One worker pool shared by the runner tests, so the compiler warms up once.</summary>
public sealed class RunnerFixture : IAsyncLifetime
{
    public WorkerPool Workers { get; } = new();

    public NotebookRunner Runner => new(Workers);

    public Task<NotebookRunResult> RunAsync(params string[] csharpCells) =>
        RunAsync(TimeSpan.FromSeconds(60), csharpCells);

    public Task<NotebookRunResult> RunAsync(TimeSpan limit, params string[] csharpCells) =>
        Runner.RunAsync(AppContext.BaseDirectory,
            csharpCells.Select((source, i) => new CellToRun(i + 1, "csharp", source)).ToList(),
            new RunOptions(limit) { Packages = CoursePackages.All });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Workers.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RunnerCollection : ICollectionFixture<RunnerFixture>
{
    public const string Name = "runner";
}
