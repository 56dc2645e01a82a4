using System.Net;
using System.Text.RegularExpressions;

namespace CourseKit.Tests.Grading;

/// <summary>The fixture class's compile-error and exception submissions: their feedback shows the failing line of their own code, marked, with the message.</summary>
[Collection(GradedClassCollection.Name)]
[Trait("Category", "Slow")]
public sealed partial class InlineFeedbackTests(GradedClassFixture fixture)
{
    private string Read(string student, string extension) => File.ReadAllText(Path.Combine(fixture.Out, "feedback", student + extension));

    private static IReadOnlyList<string> MarkedRows(string html) =>
        MarkedRow().Matches(html).Select(m => WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, ""))).ToList();

    [GeneratedRegex("<tr class=\"marked\">(.*?)</tr>")]
    private static partial Regex MarkedRow();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [Theory]
    [InlineData("compile-error", "var bet = undefinedThing;", "column 11: error CS0103: The name 'undefinedThing' does not exist in the current context", "does not compile")]
    [InlineData("throws", "throw new InvalidOperationException(\"boom\");", "System.InvalidOperationException: boom", "stopped with System.InvalidOperationException: boom")]
    public void The_page_marks_the_students_failing_line_with_the_message_beside_it(string student, string line, string message, string summary)
    {
        var html = Read(student, ".html");

        var cell = fixture.Run.All.Single(r => r.StudentId == student).FailedCode.Single().Cell;
        Assert.Contains($"{FixtureClass.Lesson1}: cell {cell} {summary}", WebUtility.HtmlDecode(html));
        Assert.Equal([$"✗ 1{line}◀ {message}"], MarkedRows(html));

        var markdown = Read(student, ".md").ReplaceLineEndings("\n");
        Assert.Contains($"✗ 1 | {line}\n    | ^ {message}\n", markdown);
    }

    [Fact]
    public void Submissions_that_ran_clean_or_never_ran_show_no_code()
    {
        foreach (var student in new[] { "good", "partial", "not-json", "zip-slip" })
        {
            Assert.DoesNotContain("Where your code failed", Read(student, ".html"));
            Assert.DoesNotContain("Where your code failed", Read(student, ".md"));
        }
    }
}
