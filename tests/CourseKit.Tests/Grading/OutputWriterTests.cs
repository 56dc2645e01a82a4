using CourseKit.Grading.Outputs;
using CourseKit.Grading.Running;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>A grading run writes each student's pages as soon as that student is graded, and the rest at the end.</summary>
public sealed class OutputWriterTests
{
    [Fact]
    public void Pages_written_during_the_run_are_not_written_again_and_every_other_students_are()
    {
        using var root = new TempFolder();
        var early = SubmissionGrader.Failed("early", "graded first");
        var later = SubmissionGrader.Failed("later", "graded in an earlier run");
        OutputWriter.WriteFeedback(root.Path, early);
        var page = Path.Combine(root.Path, "feedback", "early.html");
        var written = File.GetLastWriteTimeUtc(page);
        File.SetLastWriteTimeUtc(page, written.AddHours(-1));

        OutputWriter.WriteAll(root.Path, [early, later], new HashSet<string> { "early" });

        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(page));
        Assert.True(File.Exists(Path.Combine(root.Path, "feedback", "later.html")));
        Assert.True(File.Exists(Path.Combine(root.Path, "feedback", "later.md")));
        Assert.Contains("graded first", File.ReadAllText(Path.Combine(root.Path, "feedback", "early.md")));
        Assert.True(File.Exists(Path.Combine(root.Path, ClassSummary.FileName)));
    }

    [Fact]
    public void Pages_written_on_their_own_equal_those_written_with_the_class()
    {
        using var one = new TempFolder();
        using var all = new TempFolder();
        var result = SubmissionGrader.Failed("student", "no notebooks");
        OutputWriter.WriteFeedback(one.Path, result);
        OutputWriter.WriteAll(all.Path, [result]);

        foreach (var page in new[] { "student.md", "student.html" })
            Assert.Equal(File.ReadAllText(Path.Combine(all.Path, "feedback", page)), File.ReadAllText(Path.Combine(one.Path, "feedback", page)));
    }
}
