using CourseKit.Exercises.Evaluation;
using CourseKit.Grading.Isolation;
using CourseKit.Grading.Running;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

[Trait("Category", "Slow")]
public sealed class SubmissionTimeLimitTests
{
    [Theory]
    [InlineData("runs")]
    [InlineData("compiles")]
    public async Task A_submission_over_its_time_limit_is_stopped_and_its_notebooks_not_run(string slowAt)
    {
        using var root = new TempFolder();
        var folder = Path.Combine(root.Path, "submissions", "slow");
        Directory.CreateDirectory(folder);
        var notebook = CourseKit.Notebooks.Documents.Notebook.Load(FixtureClass.Source(FixtureClass.Lesson1));
        FixtureClass.Cell(notebook, "L1.E1", CourseKit.Checking.Cells.CellRoles.Solution).Source = slowAt == "runs"
            ? "System.Threading.Thread.Sleep(60_000);"
            : CourseKit.Tests.Notebooks.Execution.AbandonedCompileTests.SlowToCompile();
        notebook.Save(Path.Combine(folder, FixtureClass.Lesson1));
        File.Copy(FixtureClass.Source(FixtureClass.Lesson2), Path.Combine(folder, FixtureClass.Lesson2));
        var limits = new GradingLimits(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(3), 256);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = await new ClassGrader(new GradingSetup(Path.Combine(root.Path, "submissions"), Path.Combine(root.Path, "out"), limits), force: false).GradeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"took {clock.Elapsed}");
        var slow = Assert.Single(run.All);
        Assert.Equal(0, slow.Total);
        Assert.All(slow.Exercises, e => Assert.Equal(ExerciseStatus.NotRun, e.Status));
        Assert.Contains("01-AIGC-Frontier-Trends-Exercises.ipynb: the submission reached its time limit of 3 s while this notebook ran.", slow.Problems);
        Assert.Contains("the submission reached its time limit of 3 s before this notebook ran.", slow.Exercise("L2.E1")!.Reason);
    }
}
