using CourseKit.Checking;
using CourseKit.Checking.Release;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Evaluation;
using CourseKit.Exercises.Model;
using CourseKit.Checking.NotebookChecks;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Exercises;

/// <summary>
/// A worker runs one notebook after another, and Check()/Hint() keep answers and hints shown in static fields:
/// the package's session reset keeps each notebook's exercise state its own, in <c>coursekit run</c> and in the checker.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ExerciseStateTests
{
    private const string LoadExercises = "#r \"nuget: CourseKit.Exercises, 1.0.0\"\nusing static CourseKit.Exercises.InNotebook.Checker;";

    private static readonly Evaluation Answers = new("answers", "CourseKit.Exercises.InNotebook.RecordedAnswers.Capture(\"{}\")");

    private static readonly CellToRun[] AnswersAndAsksTwoHints =
        [new(1, "csharp", LoadExercises), new(2, "csharp", "Check(\"L1.E1\", \"not an analysis\"); Hint(\"L1.E1\");"), new(3, "csharp", "Environment.ProcessId")];

    private static readonly CellToRun[] AsksOneHint =
        [new(1, "csharp", LoadExercises), new(2, "csharp", "Hint(\"L1.E1\");"), new(3, "csharp", "Environment.ProcessId")];

    [Fact]
    public async Task Two_exercise_notebooks_run_in_one_worker_share_no_answers_or_hints()
    {
        Assert.True(ExerciseCatalog.Get("L1.E1").Hints.Count >= 3, "the test needs an exercise with three hints");
        await using var workers = new WorkerPool();
        var runner = new NotebookRunner(workers);
        var options = RunOptions.Default with { Packages = CoursePackages.All };

        var first = await runner.RunAsync(AppContext.BaseDirectory, AnswersAndAsksTwoHints, options, [Answers]);
        var second = await runner.RunAsync(AppContext.BaseDirectory, AsksOneHint, options, [Answers]);

        Assert.Equal(Result(first, 3), Result(second, 3)); // one worker ran both
        Assert.Contains("L1.E1", Assert.IsType<Evaluated.Value>(first.Evaluations["answers"]).Text);
        Assert.Equal(new Evaluated.Value("{}"), second.Evaluations["answers"]);
        Assert.StartsWith("Hint 1 of", Printed(second, 2));
    }

    [Fact]
    public async Task Without_its_session_reset_the_package_would_pass_answers_and_hints_to_the_next_notebook()
    {
        await using var workers = new WorkerPool();
        var runner = new NotebookRunner(workers);
        var options = RunOptions.Default with { Packages = CoursePackages.All.With(CoursePackages.Exercises with { SessionReset = null }) };

        var first = await runner.RunAsync(AppContext.BaseDirectory, AnswersAndAsksTwoHints, options, [Answers]);
        var second = await runner.RunAsync(AppContext.BaseDirectory, AsksOneHint, options, [Answers]);

        Assert.Equal(Result(first, 3), Result(second, 3));
        Assert.Contains("L1.E1", Assert.IsType<Evaluated.Value>(second.Evaluations["answers"]).Text);
        Assert.StartsWith("Hint 3 of", Printed(second, 2));
    }

    [Fact]
    public async Task The_checker_reads_no_answer_a_notebook_checked_before_in_the_same_worker_recorded()
    {
        using var temp = new TempFolder();
        const string file = "01-AIGC-Frontier-Trends-Exercises.ipynb";
        var withoutCheck = Notebook.Load(RepoPaths.Combine(ReleasePipeline.StudentFolder, file));
        withoutCheck.RemoveCell(withoutCheck.Cells.Single(c => c.Source.Contains("Check(\"L1.E1\"", StringComparison.Ordinal)));
        withoutCheck.Save(temp.PathOf(file));
        await using var workers = new WorkerPool();
        var checker = new NotebookChecker(workers, InstructorChecks.None);

        var solved = await checker.CheckAsync(RepoPaths.Combine(ReleasePipeline.SourceFolder, file));
        var next = await checker.CheckAsync(temp.PathOf(file));

        Assert.Equal(ExerciseStatus.Passed, solved["L1.E1"].Status);
        Assert.Equal(ExerciseStatus.NotAttempted, next["L1.E1"].Status);
        Assert.False(next.Answers.ContainsKey("L1.E1"));
    }

    private static string Result(NotebookRunResult run, int cell) =>
        run.Executions.Single(e => e.Number == cell).Outputs.OfType<CellOutput.Display>().Single(d => d.IsResult).Data["text/plain"];

    private static string Printed(NotebookRunResult run, int cell) =>
        string.Concat(run.Executions.Single(e => e.Number == cell).Outputs.OfType<CellOutput.Stream>().Select(s => s.Text));
}
