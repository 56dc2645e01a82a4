using CourseKit.Grading.Running;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>Resuming and forcing, on submissions that need no worker (bad zips), so they run in no time.</summary>
[Trait("Category", "Slow")]
public sealed class ResumeTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private GradingSetup Setup(int count)
    {
        var submissions = Path.Combine(_root.Path, "submissions");
        Directory.CreateDirectory(submissions);
        for (var i = 1; i <= count; i++) File.WriteAllText(Path.Combine(submissions, $"s{i}.zip"), "not a zip");
        return new GradingSetup(submissions, Path.Combine(_root.Path, "out"), GradedClassFixture.Limits with { Parallel = 1 });
    }

    [Fact]
    public async Task A_rerun_skips_graded_students_unless_forced()
    {
        var setup = Setup(2);
        Assert.Equal(2, (await new ClassGrader(setup, force: false).GradeAsync()).Graded.Count);

        var again = await new ClassGrader(setup, force: false).GradeAsync();
        Assert.Empty(again.Graded);
        Assert.Equal(2, again.Skipped);

        Assert.Equal(2, (await new ClassGrader(setup, force: true).GradeAsync()).Graded.Count);
    }

    [Fact]
    public async Task An_interrupted_run_keeps_every_student_already_graded()
    {
        var setup = Setup(3);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ClassGrader(setup, force: false).GradeAsync(graded: _ => cancel.Cancel(), cancel: cancel.Token));

        Assert.True(File.Exists(Path.Combine(setup.OutDir, "results", "s1.json")));
        var resumed = await new ClassGrader(setup, force: false).GradeAsync();
        Assert.DoesNotContain(resumed.Graded, r => r.StudentId == "s1");
        Assert.Equal(3, resumed.All.Count);
    }
}
