using CourseKit.Checking.Release;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Evaluation;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Exercises;

[Collection(CheckerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ReferenceSolutionTests(CheckerFixture fixture)
{
    public static TheoryData<string> Sources => new(ExerciseCatalog.Notebooks.Select(n => n.FileName));

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Every_reference_solution_passes_every_public_and_hidden_check(string file)
    {
        var report = await fixture.Instructor.CheckAsync(RepoPaths.Combine(ReleasePipeline.SourceFolder, file));

        Assert.Null(report.Problem);
        Assert.Equal(ExerciseCatalog.NotebookNamed(file)!.ExerciseIds, report.Results.Select(r => r.Id));
        foreach (var result in report.Results)
        {
            var exercise = ExerciseCatalog.Get(result.Id);
            var expected = exercise.Kind == CourseKit.Exercises.Model.ExerciseKind.FreeText
                ? ExerciseStatus.NeedsManualGrading : ExerciseStatus.Passed;
            Assert.True(result.Status == expected, result.Line);
            Assert.All(result.Checks, c => Assert.True(c.Passed, $"{result.Id} {c.Name}: {c.Message}"));
            Assert.Equal(exercise.Points - exercise.ManualPoints, result.Earned);
            Assert.Equal(exercise.Points, result.Possible);
        }
    }
}
