using CourseKit.Checking.Cells;
using CourseKit.Exercises.Evaluation;
using CourseKit.Grading.Isolation;
using CourseKit.Grading.Results;
using CourseKit.Grading.Running;
using CourseKit.Notebooks.Documents;
using CourseKit.Tests.Notebooks.Execution;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>
/// A submission whose cell takes Roslyn minutes to compile (nested lambdas in overloaded calls) is stopped at its cell's
/// limit, and the students graded beside it lose at most that limit.
/// </summary>
[Trait("Category", "Slow")]
public sealed class AbandonedCompileGradingTests
{
    private static readonly TimeSpan CellLimit = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task A_compilation_that_never_ends_is_stopped_at_its_limit_and_slows_the_others_by_at_most_that()
    {
        using var root = new TempFolder();
        var normal = await GradeAsync(Path.Combine(root.Path, "normal"), hostile: false);
        var withHostile = await GradeAsync(Path.Combine(root.Path, "with-hostile"), hostile: true);

        var stopped = withHostile.Single(r => r.StudentId == "a-hostile");
        Assert.Contains(stopped.Problems, p => p.Contains("compiling the cell took longer than the time limit of 8 s", StringComparison.Ordinal));
        Assert.Equal(ExerciseStatus.NotRun, stopped.Exercise("L1.E1")!.Status);
        // Stopped at its limit: its grading took the limit plus a re-run of the cells before it, not the compilation's minutes.
        Assert.True(stopped.Seconds < CellLimit.TotalSeconds + 20, $"the hostile submission took {stopped.Seconds:0.0} s");

        var slowestNormal = normal.Max(r => r.Seconds);
        foreach (var other in withHostile.Where(r => r.StudentId != "a-hostile"))
        {
            Assert.True(other.Total == 7, $"{other.StudentId} got {other.Total}: {string.Join("; ", other.Problems)}");
            Assert.True(other.Seconds <= slowestNormal + CellLimit.TotalSeconds,
                $"{other.StudentId} took {other.Seconds:0.0} s beside the hostile submission; alone the slowest took {slowestNormal:0.0} s");
        }
    }

    private static async Task<IReadOnlyList<StudentResult>> GradeAsync(string root, bool hostile)
    {
        var submissions = Path.Combine(root, "submissions");
        for (var i = 0; i < 4; i++)
        {
            Directory.CreateDirectory(Path.Combine(submissions, $"good{i}"));
            File.Copy(FixtureClass.Source(FixtureClass.Lesson1), Path.Combine(submissions, $"good{i}", FixtureClass.Lesson1));
        }
        if (hostile)
        {
            var notebook = Notebook.Load(FixtureClass.Source(FixtureClass.Lesson1));
            FixtureClass.Cell(notebook, "L1.E1", CellRoles.Solution).Source = AbandonedCompileTests.SlowToCompile(12);
            Directory.CreateDirectory(Path.Combine(submissions, "a-hostile"));
            notebook.Save(Path.Combine(submissions, "a-hostile", FixtureClass.Lesson1));
        }
        var limits = new GradingLimits(CellLimit, TimeSpan.FromSeconds(120), 512);
        var run = await new ClassGrader(new GradingSetup(submissions, Path.Combine(root, "out"), limits), force: false).GradeAsync();
        return run.Graded;
    }
}
