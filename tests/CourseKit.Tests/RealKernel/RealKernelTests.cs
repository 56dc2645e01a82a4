using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.InNotebook;
using CourseKit.Notebooks.Pipelines;
using CourseKit.Tests.Course;
using Xunit.Abstractions;

namespace CourseKit.Tests.RealKernel;

/// <summary>
/// The lane that runs the course where students run it: every notebook of both editions in the real
/// .NET Interactive kernel, compared with the kit's runner.
/// </summary>
[Collection(RealKernelCollection.Name)]
[Trait("Category", "RealKernel")]
public class RealKernelTests(RealKernelFixture lane, ITestOutputHelper log)
{
    public static TheoryData<string> Notebooks() => [.. RealKernelFixture.CourseNotebooks];

    public static TheoryData<string> Lessons() => [.. RealKernelFixture.CourseNotebooks.Where(n => n.StartsWith("notebooks", StringComparison.Ordinal))];

    public static TheoryData<string> ExerciseNotebooks() => [.. RealKernelFixture.CourseNotebooks.Where(n => n.StartsWith("exercises", StringComparison.Ordinal))];

    [SkippableTheory]
    [MemberData(nameof(Notebooks))]
    public void Runs_in_the_real_kernel_with_no_error_and_no_warning(string notebook)
    {
        RealKernelFixture.RequireKernel();
        var problems = lane.KernelExecuted(notebook).Problems();

        Assert.True(problems.Count == 0, $"{notebook} in .NET Interactive:\n{string.Join('\n', problems)}");
    }

    [SkippableTheory]
    [MemberData(nameof(Notebooks))]
    public void Shows_the_same_text_and_charts_in_both_engines_cell_by_cell(string notebook)
    {
        RealKernelFixture.RequireKernel();
        var result = EngineComparison.Compare(lane.KitExecuted(notebook), lane.KernelExecuted(notebook));

        Assert.True(result.Differences.Count == 0, $"{notebook}, kit's runner vs .NET Interactive:\n{string.Join('\n', result.Differences)}");
        Assert.True(result.CellsCompared > 0 && result.OutputsCompared > 0, $"{notebook}: nothing was compared");
    }

    [SkippableTheory]
    [MemberData(nameof(Lessons))]
    public void Every_chart_of_a_lesson_draws_in_the_real_kernel(string lesson)
    {
        RealKernelFixture.RequireKernel();
        var kit = lane.KitExecuted(lesson).Charts().Select(c => c.Number).ToList();
        var kernel = lane.KernelExecuted(lesson).Charts().Select(c => c.Number).ToList();

        Assert.NotEmpty(kit);
        Assert.Equal(kit, kernel);
    }

    [SkippableTheory]
    [MemberData(nameof(Lessons))]
    public void The_seed_lines_print_in_the_real_kernel(string lesson)
    {
        RealKernelFixture.RequireKernel();
        var text = lane.KernelExecuted(lesson).StreamText();

        foreach (var block in SeedOutputs.ByLesson.GetValueOrDefault(Path.GetFileName(lesson), []))
            Assert.Contains(block, text);
    }

    [SkippableTheory]
    [MemberData(nameof(ExerciseNotebooks))]
    public void Check_verdicts_in_the_real_kernel_equal_coursekit_check(string notebook)
    {
        RealKernelFixture.RequireKernel();
        var executed = lane.KernelExecuted(notebook);
        var report = lane.Checked[notebook];
        Assert.Null(report.Problem);
        Assert.NotEmpty(report.Results);

        foreach (var result in report.Results)
        {
            var checkCell = executed.CodeCells.Single(c =>
                (string?)c.Cell["metadata"]?["coursekit"]?["exercise"] == result.Id && (string?)c.Cell["metadata"]?["coursekit"]?["role"] == "check");
            var printed = string.Concat(executed.ShownBy(checkCell.Number).OfType<Shown.Stream>().Where(s => s.Name == "stdout").Select(s => s.Text));
            var expected = LearnerReport.Text(ExerciseCatalog.Get(result.Id), result);

            Assert.True(printed.StartsWith(expected + "\n", StringComparison.Ordinal),
                $"{notebook}, {result.Id}: coursekit check says\n{expected}\nbut the real kernel printed\n{printed}");
        }
    }

    [SkippableFact]
    public void A_notebook_that_passes_only_in_the_kit_fails_the_lane()
    {
        RealKernelFixture.RequireKernel();
        Assert.Equal(NotebookStatus.Passed, lane.Kit[Probes.KitOnly].Status);

        var problems = lane.KernelExecuted(Probes.KitOnly).Problems();

        Assert.Contains(problems, p => p.StartsWith("cell 2: ", StringComparison.Ordinal) && p.Contains("FSharp.Core", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("cell 3 wrote to stderr: ", StringComparison.Ordinal) && p.Contains("CS8632", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void A_learners_own_chart_right_after_the_setup_cell_draws_in_both_engines()
    {
        RealKernelFixture.RequireKernel();
        var kernel = lane.KernelExecuted(Probes.LearnerChartFirst);

        Assert.Empty(kernel.Problems());
        Assert.Single(kernel.Charts());
        Assert.Empty(EngineComparison.Compare(lane.KitExecuted(Probes.LearnerChartFirst), kernel).Differences);
    }

    [SkippableFact]
    public void A_dib_notebook_runs_in_the_real_kernel_through_its_ipynb_form()
    {
        RealKernelFixture.RequireKernel();
        var kernel = lane.KernelExecuted(Probes.Dib);

        Assert.Empty(kernel.Problems());
        Assert.Equal("probe: total=30, strongest_change=workflow_change\n", kernel.StreamText());
        Assert.Empty(EngineComparison.Compare(lane.KitExecuted(Probes.Dib), kernel).Differences);
    }

    [SkippableFact]
    public void The_lane_ran_every_course_notebook_and_the_probes()
    {
        RealKernelFixture.RequireKernel();
        Assert.Equal(RealKernelFixture.CourseNotebooks.Count + 3, lane.Kernel.Count);

        var comparisons = RealKernelFixture.CourseNotebooks
            .Select(n => EngineComparison.Compare(lane.KitExecuted(n), lane.KernelExecuted(n))).ToList();
        var allowed = comparisons.SelectMany(c => c.AllowedDifferences).GroupBy(p => p.Key).Select(g => $"{g.Key}: {g.Sum(p => p.Value)}");
        log.WriteLine($"Real kernel lane: {lane.Kernel.Count} notebooks in {lane.KernelTime.TotalSeconds:F1} s; " +
            $"{comparisons.Sum(c => c.CellsCompared)} cells and {comparisons.Sum(c => c.OutputsCompared)} outputs compared; " +
            $"{lane.Checked.Values.Sum(r => r.Results.Count)} check verdicts compared; " +
            $"{lane.Kernel.Values.Sum(r => r.Attempts - 1)} kernel restarts after a port clash; allowed: {string.Join("; ", allowed)}.");
        Assert.All(comparisons, c => Assert.Empty(c.Differences));
    }
}
