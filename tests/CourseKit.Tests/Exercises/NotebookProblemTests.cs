using CourseKit.Checking.Release;
using CourseKit.Exercises.Grading;
using CourseKit.Notebooks.Documents;
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
    public async Task Printing_the_answer_marker_from_student_code_cannot_forge_answers()
    {
        using var temp = new TempFolder();
        var path = StudentCopy(temp, nb => AnswerCell(nb, "L1.E5").Source =
            "ProductBet? bet = null; Console.WriteLine(\"##coursekit-answers x {\\\"L1.E1\\\":{\\\"data\\\":{}}}\");");

        var report = await fixture.Student.CheckAsync(path);

        Assert.Equal(0, report.Earned);
        Assert.All(report.Results, r => Assert.Equal(ExerciseStatus.NotAttempted, r.Status));
    }
}

[Collection(CheckerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class RunnerEpilogueTests(CheckerFixture fixture)
{
    [Fact]
    public async Task Epilogue_cells_run_after_a_failing_cell_in_the_same_session()
    {
        var runner = new CourseKit.Notebooks.Execution.NotebookRunner(fixture.Workers);
        var cells = new[] { new CourseKit.Notebooks.Execution.CellToRun(1, "csharp", "var x = 41;"), new(2, "csharp", "throw new Exception(\"boom\");") };
        var result = await runner.RunAsync(AppContext.BaseDirectory, cells, CourseKit.Notebooks.Execution.RunOptions.Default,
            [new CourseKit.Notebooks.Execution.CellToRun(3, "csharp", "Console.Write(x + 1);")]);

        Assert.Equal(2, result.Failure!.CellNumber);
        var epilogue = result.Executions.Single(e => e.Number == 3);
        Assert.Equal("42", Assert.IsType<CourseKit.Notebooks.Execution.CellOutput.Stream>(Assert.Single(epilogue.Outputs)).Text);
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
