using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary><c>coursekit grade</c>'s size cap and /tmp options, and the run summary's not-gradable and conflict lines.</summary>
[Trait("Category", "Slow")]
public sealed class GradeCommandLimitsTests
{
    [Fact]
    public async Task The_run_summary_names_each_not_gradable_submission_and_each_conflict()
    {
        using var temp = new TempFolder();
        temp.Write("subs/ada/" + FixtureClass.Lesson1, new string(' ', 2 << 20));
        temp.Write("subs/ada.zip", "not a zip");

        var result = await CliProcess.RunAsync("grade", temp.PathOf("subs"), "--out", temp.PathOf("out"), "--max-notebook-mb", "1", "--tmp-mb", "16");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Trim().Split('\n');
        Assert.StartsWith("Graded 1 submission in", lines[0]);
        Assert.Contains("; 1 not gradable (no score);", lines[0]);
        Assert.Equal($"not gradable: ada: {FixtureClass.Lesson1} is 2 MB; notebooks over 1 MB are not graded (clear large outputs or cells, save, and hand it in again).", lines[1]);
        Assert.StartsWith("conflict: ada: two submissions have the id 'ada': the folder ada/ and ada.zip.", lines[2]);
        Assert.EndsWith(",not gradable", File.ReadAllLines(temp.PathOf("out/grades.csv"))[2]);
    }

    [Fact]
    public async Task Parallel_sets_how_many_submissions_are_graded_at_once_and_every_one_is_graded()
    {
        using var temp = new TempFolder();
        foreach (var id in new[] { "ada", "bo", "cy", "di" }) temp.Write($"subs/{id}/" + FixtureClass.Lesson1, "{}");

        var result = await CliProcess.RunAsync("grade", temp.PathOf("subs"), "--out", temp.PathOf("out"), "--parallel", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Graded 4 submissions in", result.Output.Trim());
        Assert.Equal(6, File.ReadAllLines(temp.PathOf("out/grades.csv")).Length);
    }

    [Theory]
    [InlineData("--max-notebook-mb", "0", "--max-notebook-mb must be a whole number of MB from 1 to 100; got 0.")]
    [InlineData("--max-notebook-mb", "101", "--max-notebook-mb must be a whole number of MB from 1 to 100; got 101.")]
    [InlineData("--tmp-mb", "0", "--tmp-mb must be a whole number of MB from 1 to 1048576; got 0.")]
    [InlineData("--parallel", "0", "--parallel must be a whole number of submissions from 1 to 256; got 0.")]
    public async Task A_limit_out_of_range_is_refused_with_its_range(string option, string value, string message)
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.PathOf("subs"));

        var result = await CliProcess.RunAsync("grade", temp.PathOf("subs"), "--out", temp.PathOf("out"), option, value);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error);
    }
}
