using CourseKit.Checking.Cells;
using CourseKit.Checking.NotebookChecks;
using CourseKit.Exercises.Hidden;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Documents;
using CourseKit.Tests.Grading;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Exercises;

/// <summary>
/// The checker compiles cells in groups; a learner's cell that plays with the group's boundary itself may move outputs
/// between cells or lose its own answer, but the check finishes and reports every exercise.
/// </summary>
[Collection(CheckerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class HostileCellBoundaryTests(CheckerFixture fixture)
{
    [Theory]
    // Two extra boundaries: the group's code is two cells behind, and the end of its last cell never runs.
    [InlineData("await CourseKit.Notebooks.Runtime.CellBoundary.NextAsync();\nawait CourseKit.Notebooks.Runtime.CellBoundary.NextAsync();\n", null)]
    // No boundaries: the rest of the group runs in this cell, and every answer is recorded.
    [InlineData("CourseKit.Notebooks.Runtime.CellBoundary.Reached = null;\n", "same score")]
    // A boundary that never returns: the cell is stopped at its time limit.
    [InlineData("CourseKit.Notebooks.Runtime.CellBoundary.Reached = () => Task.Delay(System.Threading.Timeout.Infinite);\n", "time limit")]
    public async Task A_solution_that_calls_the_cell_boundary_itself_is_checked_to_the_end(string hostile, string? outcome)
    {
        using var folder = new TempFolder();
        var checker = new NotebookChecker(fixture.Workers, HiddenChecks.All, new RunOptions(TimeSpan.FromSeconds(10)));
        var reference = await checker.CheckAsync(FixtureClass.Source(FixtureClass.Lesson1));
        var notebook = Notebook.Load(FixtureClass.Source(FixtureClass.Lesson1));
        var solution = FixtureClass.Cell(notebook, "L1.E1", CellRoles.Solution);
        solution.Source = hostile + solution.Source;
        var path = Path.Combine(folder.Path, FixtureClass.Lesson1);
        notebook.Save(path);

        var report = await checker.CheckAsync(path);

        Assert.Equal(reference.Results.Select(r => r.Id), report.Results.Select(r => r.Id));
        Assert.True(report.Problem is null || !report.Problem.Contains("ProtocolError", StringComparison.Ordinal), report.Problem);
        Assert.True(report.Earned <= reference.Earned, $"{report.Earned} of {reference.Earned}");
        if (outcome == "same score")
        {
            Assert.Null(report.Problem);
            Assert.Equal(reference.Earned, report.Earned);
        }
        if (outcome == "time limit")
            Assert.Contains("reached the time limit of 10 s", report.Problem);
    }
}
