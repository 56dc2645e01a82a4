using CourseKit.Checking.NotebookChecks;
using CourseKit.Exercises.Hidden;
using CourseKit.Exercises.Model;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Tests.Exercises;

/// <summary>One worker pool for the notebook-checking tests; notebooks run in workers, never in the test process.</summary>
public sealed class CheckerFixture : IAsyncLifetime
{
    public WorkerPool Workers { get; } = new();

    public NotebookChecker Instructor => new(Workers, HiddenChecks.All);

    public NotebookChecker Student => new(Workers, InstructorChecks.None);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Workers.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class CheckerCollection : ICollectionFixture<CheckerFixture>
{
    public const string Name = "checker";
}
