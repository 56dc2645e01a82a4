using CourseKit.Checking.Release;
using CourseKit.Exercises.Evaluation;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Exercises;

/// <summary>Notebooks that do not run clean, and notebooks with a wrong answer, checked end to end through the worker.</summary>
[Collection(CheckerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class NotebookProblemTests(CheckerFixture fixture)
{
    private const string File1 = "01-AIGC-Frontier-Trends-Exercises.ipynb";

    private static string StudentCopy(TempFolder temp, Action<Notebook> edit)
    {
        var notebook = Notebook.Load(RepoPaths.Combine(ReleasePipeline.StudentFolder, File1));
        edit(notebook);
        var path = temp.PathOf(File1);
        notebook.Save(path);
        return path;
    }

    private static NotebookCell AnswerCell(Notebook notebook, string id) =>
        notebook.Cells.Single(c => CourseKit.Checking.Cells.CellRoles.ExerciseOf(c) == id && CourseKit.Checking.Cells.CellRoles.RoleOf(c) == "answer");

    [Fact]
    public async Task A_wrong_answer_is_reported_failed_with_its_message_and_hidden_checks_by_name_and_points_only()
    {
        using var temp = new TempFolder();
        var path = StudentCopy(temp, nb => AnswerCell(nb, "L1.E5").Source =
            "var bet = new ProductBet(\"Photo notes\", MainBet.Multimodality, \"It uses photos.\");");

        var report = await fixture.Instructor.CheckAsync(path);

        var result = report["L1.E5"];
        Assert.Equal(ExerciseStatus.Failed, result.Status);
        Assert.Equal(2, result.Earned); // product named (public) + mentions photos (hidden)
        Assert.Contains("Your justification has 3 words; write at least 20", result.Summary);
        var text = CourseKit.Exercises.InNotebook.LearnerReport.Text(CourseKit.Exercises.Catalog.ExerciseCatalog.Get("L1.E5"), result);
        Assert.Contains("✓ justification speaks to the chosen bet (1/1)", text);
        Assert.Equal(ExerciseStatus.NotAttempted, report["L1.E1"].Status);
    }

    [Fact]
    public async Task A_cell_that_fails_to_compile_stops_the_exercises_below_it_with_a_reason_naming_the_cell()
    {
        using var temp = new TempFolder();
        var path = StudentCopy(temp, nb =>
        {
            AnswerCell(nb, "L1.E2").Source = "var entryPoint = \"\"\"\n" + string.Join(' ', Enumerable.Repeat("users start from a screenshot", 10)) + "\n\"\"\";";
            AnswerCell(nb, "L1.E3").Source = "var systemCompetition = undefinedThing;";
        });
        var cell = Notebook.Load(path).Cells.ToList().FindIndex(c => c.Source.Contains("undefinedThing")) + 1;

        var report = await fixture.Student.CheckAsync(path);

        Assert.Contains($"cell {cell}", report.Problem);
        Assert.Contains("CS0103", report.Problem);
        Assert.Equal(ExerciseStatus.NotAttempted, report["L1.E1"].Status);
        Assert.Equal(ExerciseStatus.NeedsManualGrading, report["L1.E2"].Status);
        foreach (var id in new[] { "L1.E3", "L1.E4", "L1.E5" })
        {
            Assert.Equal(ExerciseStatus.NotRun, report[id].Status);
            Assert.Contains($"Fix cell {cell} and check again", report[id].Summary);
        }
    }

    [Fact]
    public async Task A_deleted_check_cell_reads_not_attempted_with_what_to_add()
    {
        using var temp = new TempFolder();
        var path = StudentCopy(temp, nb => nb.RemoveCell(nb.Cells.Single(c => c.Source.Contains("Check(\"L1.E4\""))));

        var report = await fixture.Student.CheckAsync(path);

        Assert.Equal(ExerciseStatus.NotAttempted, report["L1.E4"].Status);
        Assert.Contains("Add a cell with Check(\"L1.E4\", firstQuestions);", report["L1.E4"].Summary);
    }

    [Fact]
    public async Task A_notebook_that_is_not_json_gets_one_line_naming_the_file()
    {
        using var temp = new TempFolder();
        var path = temp.Write(File1, "{ not json");

        var report = await fixture.Student.CheckAsync(path);

        Assert.StartsWith(File1 + ":", report.Problem);
        Assert.DoesNotContain('\n', report.Problem!);
        Assert.All(report.Results, r => Assert.Equal(ExerciseStatus.NotRun, r.Status));
    }

    [Fact]
    public async Task An_answer_sheet_printed_by_student_code_counts_for_nothing()
    {
        using var temp = new TempFolder();
        var forged = "{\\\"L1.E1\\\":{\\\"data\\\":{}},\\\"L1.E5\\\":{\\\"data\\\":{}}}";
        var path = StudentCopy(temp, nb => AnswerCell(nb, "L1.E5").Source =
            $"ProductBet? bet = null; Console.WriteLine(\"{forged}\"); display(\"{forged}\");");

        var report = await fixture.Student.CheckAsync(path);

        Assert.Equal(0, report.Earned);
        Assert.All(report.Results, r => Assert.Equal(ExerciseStatus.NotAttempted, r.Status));
    }
}

[Collection(CheckerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class RunnerEvaluationTests(CheckerFixture fixture)
{
    private static readonly CellToRun[] FailingNotebook =
        [new(1, "csharp", "var x = 41;"), new(2, "csharp", "throw new Exception(\"boom\");")];

    [Fact]
    public async Task Evaluations_run_after_a_failing_cell_in_the_same_session_and_return_their_value_as_data()
    {
        var result = await new NotebookRunner(fixture.Workers).RunAsync(AppContext.BaseDirectory, FailingNotebook, RunOptions.Default,
            [new Evaluation("next", "Console.Write(\"printed\"); display(\"shown\"); (x + 1).ToString()")]);

        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Equal(new Evaluated.Value("42"), result.Evaluations["next"]);
        Assert.Equal(new[] { 1, 2 }, result.Executions.Select(e => e.Number));
        Assert.DoesNotContain(result.Executions.SelectMany(e => e.Outputs).OfType<CellOutput.Stream>(), s => s.Text.Contains("printed"));
    }

    [Fact]
    public async Task An_evaluation_that_is_not_a_string_or_throws_fails_with_the_reason()
    {
        var result = await new NotebookRunner(fixture.Workers).RunAsync(AppContext.BaseDirectory, FailingNotebook, RunOptions.Default,
            [new Evaluation("number", "x + 1"), new Evaluation("throws", "throw new InvalidOperationException(\"no sheet\");"),
             new Evaluation("broken", "x +")]);

        Assert.Equal(new Evaluated.Failed("the evaluation gave a value of type Int32, not a string."), result.Evaluations["number"]);
        Assert.Equal(new Evaluated.Failed("the evaluation raised InvalidOperationException: no sheet"), result.Evaluations["throws"]);
        Assert.StartsWith("CompilationError", Assert.IsType<Evaluated.Failed>(result.Evaluations["broken"]).Reason);
    }

    [Fact]
    public void RemoveCell_drops_the_cell_from_the_saved_notebook()
    {
        var notebook = CourseKit.Notebooks.Documents.Notebook.CreatePolyglot();
        var keep = notebook.AddMarkdown("keep");
        var drop = notebook.AddCode("drop");
        notebook.RemoveCell(drop);
        Assert.Equal([keep], notebook.Cells);
        Assert.DoesNotContain("drop", notebook.Serialize());
    }
}
