using CourseKit.Checking.Cells;
using CourseKit.Checking.Release;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Evaluation;
using CourseKit.Notebooks.Documents;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Exercises;

[Collection(CheckerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class StudentNotebookTests(CheckerFixture fixture)
{
    public static TheoryData<string> Notebooks => new(ExerciseCatalog.Notebooks.Select(n => n.FileName));

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task An_untouched_student_notebook_scores_0_and_reads_not_attempted(string file)
    {
        var report = await fixture.Instructor.CheckAsync(RepoPaths.Combine(ReleasePipeline.StudentFolder, file));

        Assert.Null(report.Problem);
        Assert.Equal(0, report.Earned);
        Assert.All(report.Results, r => Assert.Equal(ExerciseStatus.NotAttempted, r.Status));
        Assert.All(report.Results, r => Assert.Contains("not attempted", r.Line));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_committed_student_notebook_is_what_release_makes_from_its_source(string file)
    {
        var released = ReleasePipeline.Release(RepoPaths.Combine(ReleasePipeline.SourceFolder, file)).Serialize();
        var committed = File.ReadAllText(RepoPaths.Combine(ReleasePipeline.StudentFolder, file));
        Assert.True(released == committed,
            $"exercises/{file} is out of date. Run: dotnet src/CourseKit.Cli/bin/Debug/net10.0/CourseKit.Cli.dll release --notebooks-only --out exercises");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_instructor_source_prompts_match_the_catalog(string file)
    {
        var path = RepoPaths.Combine(ReleasePipeline.SourceFolder, file);
        var synced = ReleasePipeline.Apply(path, ReleasePipeline.SourceSteps).Serialize();
        Assert.True(synced == File.ReadAllText(path),
            $"The prompts of exercises/source/{file} differ from the catalog. Run: … release --sync-sources --notebooks-only --out exercises");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_student_notebook_holds_no_solution_no_instructor_note_and_every_answer_cell_starts_from_its_placeholder(string file)
    {
        var source = Notebook.Load(RepoPaths.Combine(ReleasePipeline.SourceFolder, file));
        var student = Notebook.Load(RepoPaths.Combine(ReleasePipeline.StudentFolder, file));
        var text = File.ReadAllText(RepoPaths.Combine(ReleasePipeline.StudentFolder, file));

        Assert.DoesNotContain(student.Cells, c => CellRoles.RoleOf(c) is CellRoles.Solution or CellRoles.Instructor);
        foreach (var solution in source.Cells.Where(c => CellRoles.RoleOf(c) == CellRoles.Solution))
        {
            var longest = solution.Source.Split('\n').OrderByDescending(l => l.Length).First();
            Assert.DoesNotContain(student.Cells, c => c.Source.Contains(longest, StringComparison.Ordinal));
        }
        Assert.DoesNotContain("Instructor note", text);
        Assert.DoesNotContain("../../src/", text);
        foreach (var id in ExerciseCatalog.NotebookNamed(file)!.ExerciseIds)
        {
            var answer = Assert.Single(student.Cells, c => CellRoles.RoleOf(c) == CellRoles.Answer && CellRoles.ExerciseOf(c) == id);
            Assert.Equal($"{ReplaceSolutions.Banner}\n{ExerciseCatalog.Get(id).StarterCode}", answer.Source);
        }
    }
}
