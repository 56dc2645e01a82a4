using CourseKit.Grading.Isolation;
using CourseKit.Grading.Running;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>Grades the fixture class once (short limits, two at a time) for every test in the collection.</summary>
public sealed class GradedClassFixture : IAsyncLifetime
{
    public static readonly GradingLimits Limits = new(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(60), MemoryMegabytes: 256, Parallel: 2);

    public TempFolder Root { get; } = new();

    public string Submissions { get; private set; } = "";

    public string Out => Path.Combine(Root.Path, "out");

    public ClassRun Run { get; private set; } = null!;

    public string GoodNotebookBefore { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Submissions = FixtureClass.Build(Root.Path);
        GoodNotebookBefore = File.ReadAllText(Path.Combine(Submissions, "good", FixtureClass.Lesson1));
        Run = await new ClassGrader(new GradingSetup(Submissions, Out, Limits), force: false).GradeAsync();
    }

    public Task DisposeAsync()
    {
        Root.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class GradedClassCollection : ICollectionFixture<GradedClassFixture>
{
    public const string Name = "graded class";
}
