using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

[Trait("Category", "Slow")]
public sealed class GradeCommandTests
{
    [Fact]
    public async Task A_missing_submissions_folder_is_one_line_and_exit_code_2()
    {
        using var temp = new TempFolder();
        var missing = temp.PathOf("nope");
        var result = await CliProcess.RunAsync("grade", missing, "--out", temp.PathOf("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"coursekit grade: The submissions folder {missing} does not exist; expected a folder holding one folder (or .zip) per student.", result.Error.Trim());
    }

    [Fact]
    public async Task Grading_bad_zips_exits_0_with_a_summary_line()
    {
        using var temp = new TempFolder();
        temp.Write("subs/ada.zip", "not a zip");
        var result = await CliProcess.RunAsync("grade", temp.PathOf("subs"), "--out", temp.PathOf("out"));
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Graded 1 submission in", result.Output.Trim());
        Assert.True(File.Exists(temp.PathOf("out/feedback/ada.md")));
    }

    [Fact]
    public async Task A_bad_manual_sheet_names_the_row_and_exits_2()
    {
        using var temp = new TempFolder();
        temp.Write("subs/ada.zip", "not a zip");
        await CliProcess.RunAsync("grade", temp.PathOf("subs"), "--out", temp.PathOf("out"));
        var sheet = temp.Write("sheet.csv", "student_id,exercise_id,max_points,answer,points\nbob,L1.E2,2,x,1\n");
        var result = await CliProcess.RunAsync("grade", "--merge-manual", sheet, "--out", temp.PathOf("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("sheet.csv row 2: unknown student 'bob'", result.Error);
    }

    [Theory]
    [InlineData("--timeout-cell", "0", "--timeout-cell must be a whole number of seconds from 1 to 86400; got 0.")]
    [InlineData("--timeout-submission", "5000000", "--timeout-submission must be a whole number of seconds from 1 to 86400; got 5000000.")]
    [InlineData("--memory-mb", "-1", "--memory-mb must be a whole number of MB from 1 to 1048576; got -1.")]
    public async Task A_limit_out_of_range_is_a_usage_error(string option, string value, string message)
    {
        using var temp = new TempFolder();
        var result = await CliProcess.RunAsync("grade", temp.Path, "--out", temp.PathOf("out"), option, value);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error);
    }
}
