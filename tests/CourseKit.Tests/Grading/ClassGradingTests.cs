using CourseKit.Exercises.Evaluation;
using CourseKit.Grading.Outputs;
using CourseKit.Grading.Results;

namespace CourseKit.Tests.Grading;

/// <summary>The fixture class graded end to end: exact scores, every submission contained.</summary>
[Collection(GradedClassCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ClassGradingTests(GradedClassFixture fixture)
{
    private StudentResult Student(string id) => fixture.Run.All.Single(r => r.StudentId == id);

    [Fact]
    public void Every_submission_is_in_the_gradebook_with_its_exact_total()
    {
        var totals = fixture.Run.All.ToDictionary(r => r.StudentId, r => r.Total);
        Assert.Equal(FixtureClass.ExpectedTotals.OrderBy(p => p.Key), totals.OrderBy(p => p.Key));
        Assert.Equal(FixtureClass.ExpectedTotals.Count, fixture.Run.Graded.Count);
    }

    [Fact]
    public void The_good_submission_gets_full_points_except_the_manual_ones()
    {
        foreach (var result in Student("good").Exercises)
        {
            var exercise = CourseKit.Exercises.Catalog.ExerciseCatalog.Get(result.Id);
            Assert.Equal(exercise.Points - exercise.ManualPoints, result.Earned);
        }
        Assert.Empty(Student("good").Problems);
        Assert.Equal(7, Student("good").FreeText.Count);
    }

    [Fact]
    public void The_empty_submission_is_not_attempted_everywhere()
    {
        Assert.All(Student("empty").Exercises, e => Assert.Equal(ExerciseStatus.NotAttempted, e.Status));
        Assert.Contains("not attempted", File.ReadAllText(Path.Combine(fixture.Out, "feedback", "empty.md")));
    }

    [Theory]
    [InlineData("not-json", "01-AIGC-Frontier-Trends-Exercises.ipynb:")]
    [InlineData("empty-file", "01-AIGC-Frontier-Trends-Exercises.ipynb:")]
    [InlineData("wrong-notebook", "is it the wrong notebook?")]
    [InlineData("compile-error", "CS0103")]
    [InlineData("throws", "boom")]
    [InlineData("infinite-loop", "time limit of 6 s")]
    [InlineData("stack-overflow", "stack overflow")]
    [InlineData("unbounded-allocation", "OutOfMemoryException")]
    [InlineData("environment-exit", "Environment.Exit")]
    [InlineData("zip-slip", "unsafe path '../escaped.ipynb'")]
    [InlineData("not-a-zip", "not-a-zip.zip could not be unpacked")]
    [InlineData("partial", "02-Image-Generation-Progress-Exercises.ipynb is not in the submission.")]
    public void A_broken_submission_gets_a_clear_reason_in_its_feedback(string id, string reason)
    {
        Assert.Contains(Student(id).Problems, p => p.Contains(reason, StringComparison.Ordinal));
        Assert.Contains(reason, File.ReadAllText(Path.Combine(fixture.Out, "feedback", id + ".md")));
    }

    [Theory]
    [InlineData("not-json", "not valid JSON (line 1, position 3); expected an nbformat 4 notebook.")]
    [InlineData("empty-file", "the file is empty; expected a notebook in JSON.")]
    public void An_unreadable_notebook_names_itself_and_what_is_wrong_once_in_each_exercise(string id, string problem)
    {
        Assert.All(Student(id).Exercises.Where(e => e.Id.StartsWith("L1.", StringComparison.Ordinal)),
            e => Assert.Equal($"{FixtureClass.Lesson1} could not be read: {problem}", e.Reason));
    }

    [Fact]
    public void An_answer_after_a_cell_that_overran_its_limit_says_why_in_plain_sentences()
    {
        var reason = Student("infinite-loop").Exercise("L1.E5")!.Reason!;
        Assert.Matches(@"^cell \d+ \(""while \(true\) \{ \}""\) failed: the cell reached the time limit of 6 s and was stopped\. The check cell of L1\.E5 \(cell \d+\) comes after it, so its answer could not be read\. Fix cell \d+ and check again\.$", reason);
    }

    [Fact]
    public void Hostile_submissions_change_nothing_outside_their_sandbox()
    {
        Assert.Equal(fixture.GoodNotebookBefore, File.ReadAllText(Path.Combine(fixture.Submissions, "good", FixtureClass.Lesson1)));
        Assert.DoesNotContain("hacked", File.ReadAllText(Path.Combine(fixture.Out, GradesCsv.FileName)));
        Assert.False(File.Exists(Path.Combine(fixture.Submissions, "starts-process", "grade.txt")));
        Assert.False(File.Exists(Path.Combine(fixture.Submissions, "writes-outside", "grade.txt")));
        Assert.False(File.Exists(Path.Combine(fixture.Root.Path, "escaped.ipynb")));
        Assert.False(File.Exists(Path.Combine(fixture.Submissions, "escaped.ipynb")));
    }

    [Fact]
    public void Printing_megabytes_keeps_the_result_small()
    {
        Assert.True(new FileInfo(Path.Combine(fixture.Out, "results", "prints-megabytes.json")).Length < 200_000);
        Assert.Equal(ExerciseStatus.Passed, Student("prints-megabytes").Exercise("L1.E5")!.Status);
    }

    [Fact]
    public void Answers_recorded_before_a_crash_or_timeout_still_count()
    {
        foreach (var id in new[] { "infinite-loop", "stack-overflow", "environment-exit" })
        {
            Assert.Equal(ExerciseStatus.Passed, Student(id).Exercise("L1.E1")!.Status);
            Assert.Equal(ExerciseStatus.NotRun, Student(id).Exercise("L1.E5")!.Status);
            Assert.Equal(3, Student(id).FreeText.Count);
        }
    }
}
