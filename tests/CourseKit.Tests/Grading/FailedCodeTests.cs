using System.Net;
using System.Text.RegularExpressions;
using CourseKit.Checking.NotebookChecks;
using CourseKit.Grading.Outputs;
using CourseKit.Grading.Running;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>
/// A compile error or exception shown on the student's own code: where the error points (<see cref="ErrorLocations"/>),
/// the excerpt kept (<see cref="FailedCode"/>), and how the feedback page and Markdown mark the line. No worker runs here;
/// <c>InlineFeedbackTests</c> checks the same on a graded class.
/// </summary>
public sealed partial class FailedCodeTests
{
    private static Notebook NotebookWith(params string[] codeCells)
    {
        var notebook = Notebook.CreatePolyglot();
        notebook.AddMarkdown("# Exercise");
        foreach (var code in codeCells) notebook.AddCode(code);
        return notebook;
    }

    private static NotebookRunResult FailedAt(int cell, CellOutput.Error error) =>
        new([new CellExecution(cell, 1, [error])], RunFailure.InCell(cell, "", $"{error.Name}: {error.Value}"), TimeSpan.Zero);

    private static CellOutput.Error CompileError(string source, int cell)
    {
        using var temp = new TempFolder();
        return new CellCompiler(temp.Path, PackageCatalog.Empty).Compile(source, cell, default).Error
            ?? throw new InvalidOperationException("expected the cell not to compile");
    }

    // As CellErrors writes an exception thrown at cell 2, line 1, called from cell 3, line 2.
    private static readonly CellOutput.Error Thrown = new("System.InvalidOperationException", "odd: 3",
        ["System.InvalidOperationException: odd: 3", "   in cell 2, line 1", "   at System.Linq.Enumerable.Select(…)", "   in cell 3, line 2"]);

    private static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, ""));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<tr class=\"marked\">(.*?)</tr>")]
    private static partial Regex MarkedRow();

    [Fact]
    public void A_compile_error_points_at_the_line_and_column_the_compiler_reports()
    {
        var error = CompileError("var x = 1;\n\nvar bet = undefinedThing;", 4);

        var location = Assert.Single(ErrorLocations.Of(error));

        Assert.Equal(new CellLocation(4, 3, 11, "error CS0103: The name 'undefinedThing' does not exist in the current context"), location);
    }

    [Fact]
    public void Exception_frames_point_at_cell_lines_innermost_first()
    {
        Assert.Equal([new CellLocation(2, 1, null, null), new CellLocation(3, 2, null, null)], ErrorLocations.Of(Thrown));
    }

    [Fact]
    public void The_failing_cell_is_kept_around_the_marked_line_with_the_message_on_it()
    {
        var lines = Enumerable.Range(1, 20).Select(i => $"var v{i} = {i};").ToList();
        lines[11] = "var bet = undefinedThing;"; // line 12
        var notebook = NotebookWith("// set-up", string.Join("\n", lines));

        var failed = FailedCode.Of(notebook, "L1.ipynb", FailedAt(3, CompileError(string.Join("\n", lines), 3)))!;

        Assert.Equal("does not compile", failed.Summary);
        var excerpt = Assert.Single(failed.Excerpts);
        Assert.Equal(3, excerpt.Cell);
        Assert.Equal(Enumerable.Range(12 - FailedCode.Context, 2 * FailedCode.Context + 1), excerpt.Lines.Select(l => l.Number));
        var marked = Assert.Single(excerpt.Lines, l => l.Marks.Count > 0);
        Assert.Equal((12, "var bet = undefinedThing;"), (marked.Number, marked.Text));
        Assert.Equal("column 11: error CS0103: The name 'undefinedThing' does not exist in the current context", Assert.Single(marked.Marks));
    }

    [Fact]
    public void An_exception_marks_where_it_was_thrown_and_the_call_that_led_there()
    {
        var notebook = NotebookWith(
            "int Half(int n) => n % 2 == 0 ? n / 2 : throw new InvalidOperationException(\"odd: \" + n);",
            "var x = 1;\nvar h = Half(3);");

        var failed = FailedCode.Of(notebook, "L1.ipynb", FailedAt(3, Thrown))!;

        Assert.Equal("stopped with System.InvalidOperationException: odd: 3", failed.Summary);
        Assert.Equal([2, 3], failed.Excerpts.Select(e => e.Cell));
        Assert.Equal(["System.InvalidOperationException: odd: 3"], failed.Excerpts[0].Lines.Single().Marks);
        Assert.Equal(["the exception passed through this line (a call from here)."], failed.Excerpts[1].Lines.Single(l => l.Number == 2).Marks);
    }

    [Fact]
    public void A_failure_that_points_at_no_line_gives_no_excerpt()
    {
        var timedOut = new CellOutput.Error("TimeLimitReached", "the cell reached the time limit of 6 s and was stopped.", ["Cell 2: the cell reached the time limit of 6 s and was stopped."]);
        Assert.Null(FailedCode.Of(NotebookWith("while (true) { }"), "L1.ipynb", FailedAt(2, timedOut)));
        Assert.Null(FailedCode.Of(NotebookWith("var x = 1;"), "L1.ipynb", new NotebookRunResult([], null, TimeSpan.Zero)));
    }

    [Fact]
    public void The_feedback_page_shows_the_students_line_marked_with_the_message_beside_it()
    {
        var source = "var note = \"<script>alert(1)</script>\";\nvar bet = undefinedThing;";
        var notebook = NotebookWith(source);
        var failed = FailedCode.Of(notebook, "L1.ipynb", FailedAt(2, CompileError(source, 2)))!;
        var result = SubmissionGrader.Failed("ada", "cell 2 failed") with { FailedCode = [failed] };

        var html = FeedbackHtml.Write(FeedbackModel.Of(result));

        Assert.Contains("<h2>Where your code failed</h2>", html);
        Assert.Contains("L1.ipynb: cell 2 does not compile", html);
        var row = Assert.Single(MarkedRow().Matches(html)).Groups[1].Value;
        Assert.Equal("✗ 2var bet = undefinedThing;◀ column 11: error CS0103: The name 'undefinedThing' does not exist in the current context", Text(row));
        Assert.Contains("<span class=\"tok-keyword\">var</span>", row); // highlighted by Roslyn's classifier
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void The_markdown_feedback_marks_the_line_in_a_code_block_student_code_cannot_close()
    {
        var source = "var fence = \"````\";\nthrow new Exception(\"boom\");";
        var error = new CellOutput.Error("System.Exception", "boom", ["System.Exception: boom", "   in cell 2, line 2"]);
        var failed = FailedCode.Of(NotebookWith(source), "L1.ipynb", FailedAt(2, error))!;
        var result = SubmissionGrader.Failed("ada", "cell 2 failed") with { FailedCode = [failed] };

        var markdown = FeedbackMarkdown.Write(FeedbackModel.Of(result));

        Assert.Contains("## Where your code failed\n\n### L1.ipynb: cell 2 stopped with System.Exception: boom\n\nCell 2:\n\n`````text\n" +
            "  1 | var fence = \"````\";\n" +
            "✗ 2 | throw new Exception(\"boom\");\n" +
            "    | ^ System.Exception: boom\n" +
            "`````\n", markdown.ReplaceLineEndings("\n"));
    }
}
