using CourseKit.Exercises.Catalog;
using CourseKit.Grading.Outputs;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>The files the fixture class's grading wrote: gradebooks, feedback, summary, manual sheet.</summary>
[Collection(GradedClassCollection.Name)]
[Trait("Category", "Slow")]
public sealed class GradingOutputTests(GradedClassFixture fixture)
{
    private string Read(params string[] parts) => File.ReadAllText(Path.Combine([fixture.Out, .. parts]));

    [Fact]
    public void Grades_csv_has_a_column_per_exercise_the_total_and_a_max_points_row()
    {
        var rows = Csv.Read(Read(GradesCsv.FileName)).Rows;
        Assert.Equal(["student_id", .. ExerciseCatalog.All.Select(e => e.Id), "total"], rows[0]);
        Assert.Equal(GradesCsv.MaxRow, rows[1][0]);
        Assert.Equal("51", rows[1][^1]);
        Assert.Equal(FixtureClass.ExpectedTotals.Count + 2, rows.Count);
        Assert.All(rows.Skip(2), row => Assert.Equal(FixtureClass.ExpectedTotals[row[0]].ToString(System.Globalization.CultureInfo.InvariantCulture), row[^1]));
        Assert.All(rows, row => Assert.Equal(rows[0].Count, row.Count));
    }

    [Fact]
    public void The_canvas_gradebook_has_canvas_columns_and_a_points_possible_row()
    {
        var rows = Csv.Read(Read(CanvasCsv.FileName)).Rows;
        Assert.Equal(["Student", "ID", "SIS User ID", "SIS Login ID", "Section"], rows[0].Take(5));
        Assert.Equal(ExerciseCatalog.Notebooks.Count + 5, rows[0].Count);
        Assert.Equal("    Points Possible", rows[1][0]);
        Assert.Equal(["13", "21", "9", "8"], rows[1].Skip(5));
        var good = rows.Single(r => r[0] == "good");
        Assert.Equal(["good", "", "good", "good", ""], good.Take(5));
        Assert.Equal(37, good.Skip(5).Sum(int.Parse));
    }

    [Theory]
    [InlineData(GradesCsv.FileName)]
    [InlineData(CanvasCsv.FileName)]
    [InlineData(ManualSheet.FileName)]
    public void An_independent_csv_reader_sees_the_same_rectangular_table(string file)
    {
        var path = Path.Combine(fixture.Out, file);

        var independent = PythonCsv.Read(path);

        Assert.Equal(Csv.Read(File.ReadAllText(path)).Rows, independent);
        Assert.True(independent.Count > 2, $"{file} should hold a header and rows");
        Assert.All(independent, row => Assert.Equal(independent[0].Count, row.Count));
    }

    [Fact]
    public void Feedback_names_hidden_checks_with_points_but_never_their_messages()
    {
        var checkedHidden = 0;
        foreach (var result in fixture.Run.All)
        {
            var markdown = Read("feedback", result.StudentId + ".md");
            var html = Read("feedback", result.StudentId + ".html");
            foreach (var check in result.Exercises.SelectMany(e => e.Checks).Where(c => c.Hidden))
            {
                Assert.Contains($"{check.Name} (instructor's check) ({check.Earned}/{check.Points})", markdown);
                if (check.Message.Length > 0)
                {
                    checkedHidden++;
                    Assert.DoesNotContain(check.Message, markdown);
                    Assert.DoesNotContain(check.Message, System.Net.WebUtility.HtmlDecode(html));
                }
            }
        }
        Assert.True(checkedHidden > 0, "the class should include a failed hidden check with a message");
    }

    [Fact]
    public void Feedback_gives_verdict_points_public_messages_and_hints()
    {
        var partial = Read("feedback", "partial.md");
        Assert.Contains("**Total so far: 6 of 51 points. Your written answers, worth 6 more points, await the instructor's grading.**", partial);
        Assert.Contains("## L1.E5 · A product's main bet: 2/3 points, failed", partial);
        Assert.Contains("Your justification has 3 words; write at least 20", partial);
        Assert.Contains(ExerciseCatalog.Get("L1.E5").Hints[0], partial);
        Assert.Contains("## L1.E2 · Why multimodality changes the entry point: 0/2 points, awaiting manual grading", partial);
        Assert.Contains("<h2>L1.E5 · A product&#x27;s main bet: 2/3 points, failed</h2>", Read("feedback", "partial.html"));
        Assert.Contains("- ✓ answer is long enough\n", partial); // a gate worth no points shows no "(0/0)"
    }

    [Fact]
    public void Code_in_hints_shows_as_code_on_the_feedback_page()
    {
        Assert.Contains("<li>Run <code>card.Check()</code> to see what is still missing",
            Read("feedback", "empty.html"));
    }

    [Fact]
    public void A_free_text_pass_rate_is_pending_while_answers_await_the_instructor()
    {
        var stats = ExerciseStats.Of(fixture.Run.All);
        var written = stats.Single(s => s.Exercise.Id == "L1.E2");
        Assert.Equal((0, 6, 15, (double?)null), (written.Passed, written.Decided, written.Awaiting, written.PassRate));
        var automatic = stats.Single(s => s.Exercise.Id == "L1.E1");
        Assert.Equal((14, 21, 0), (automatic.Passed, automatic.Decided, automatic.Awaiting));
        Assert.Contains("<tr><td>L1.E2 · Why multimodality changes the entry point</td><td>2</td><td>0</td><td>pending</td><td>15</td>", Read(ClassSummary.FileName));
    }

    [Fact]
    public void The_summary_is_an_offline_page_with_two_plotly_charts()
    {
        var summary = Read(ClassSummary.FileName);
        Assert.Equal(2, summary.Split("window.Plotly.newPlot(\"").Length - 1);
        Assert.DoesNotContain("<script src=\"http", summary);
        Assert.Contains("\"type\":\"histogram\"", summary);
        Assert.Contains($"{FixtureClass.ExpectedTotals.Count} students graded", summary);
    }

    [Fact]
    public void The_manual_sheet_holds_every_free_text_answer_with_an_empty_points_column()
    {
        var rows = Csv.Read(Read(ManualSheet.FileName)).Rows;
        Assert.Equal(ManualSheet.Header, rows[0]);
        Assert.Equal(fixture.Run.All.Sum(r => r.FreeText.Count), rows.Count - 1);
        Assert.Equal(7, rows.Count(r => r[0] == "good"));
        Assert.All(rows.Skip(1), r => Assert.Equal("", r[4]));
        Assert.Contains(rows, r => r[0] == "good" && r[1] == "L1.E2" && r[2] == "2" && r[3].StartsWith("Before multimodal models", StringComparison.Ordinal));
    }
}
