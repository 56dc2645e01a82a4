using CourseKit.Grading.Manual;
using CourseKit.Grading.Outputs;
using CourseKit.Grading.Results;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>Merging a filled manual-grading sheet into a copy of the graded fixture class's outputs.</summary>
[Collection(GradedClassCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ManualMergeTests(GradedClassFixture fixture) : IDisposable
{
    private readonly TempFolder _copy = new();

    public void Dispose() => _copy.Dispose();

    private string CopyOut()
    {
        foreach (var file in Directory.EnumerateFiles(fixture.Out, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_copy.Path, Path.GetRelativePath(fixture.Out, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return _copy.Path;
    }

    private static string Sheet(string outDir, Func<IReadOnlyList<string>, string?> points)
    {
        var rows = Csv.Read(File.ReadAllText(Path.Combine(outDir, ManualSheet.FileName))).Rows;
        var filled = rows.Select((r, i) => i == 0 ? r : (IReadOnlyList<string>)[.. r.Take(4), points(r) ?? ""]);
        var path = Path.Combine(outDir, "filled.csv");
        File.WriteAllText(path, Csv.Write(filled));
        return path;
    }

    [Fact]
    public void Once_every_answer_to_an_exercise_is_graded_its_pass_rate_counts_half_points_or_more_as_passed()
    {
        var outDir = CopyOut();
        var sheet = Sheet(outDir, r => r[1] != "L1.E2" ? null : r[0] == "good" ? "2" : r[0] == "partial" ? "1" : "0.5");

        Assert.Empty(ManualMerge.Merge(sheet, outDir).Errors);

        var written = ExerciseStats.Of(new ResultStore(outDir).LoadAll()).Single(s => s.Exercise.Id == "L1.E2");
        Assert.Equal((2, 21, 0, (double?)(2 / 21.0)), (written.Passed, written.Decided, written.Awaiting, written.PassRate));
        Assert.Contains("<td>L1.E2 · Why multimodality changes the entry point</td><td>2</td><td>0.5</td><td>10%</td><td>0</td>",
            File.ReadAllText(Path.Combine(outDir, ClassSummary.FileName)));
    }

    [Fact]
    public void Merged_points_update_the_totals_and_every_output()
    {
        var outDir = CopyOut();
        var sheet = Sheet(outDir, r => r[0] == "good" && r[1] == "L1.E2" ? "2" : r[0] == "good" && r[1] == "L1.E3" ? "1.5" : null);

        var outcome = ManualMerge.Merge(sheet, outDir);

        Assert.Empty(outcome.Errors);
        Assert.Equal(2, outcome.Merged);
        Assert.Equal(40.5m, new ResultStore(outDir).Load("good")!.Total);
        Assert.Contains(Csv.Read(File.ReadAllText(Path.Combine(outDir, GradesCsv.FileName))).Rows, r => r[0] == "good" && r[^1] == "40.5" && r[2] == "2" && r[3] == "1.5");
        var feedback = File.ReadAllText(Path.Combine(outDir, "feedback", "good.md"));
        Assert.Contains("## L1.E3 · Why competition becomes system competition: 1.5/2 points, graded by the instructor", feedback);
        Assert.Contains("**Total so far: 40.5 of 51 points. Your written answers, worth 10 more points, await the instructor's grading.**", feedback);
        Assert.Contains(Csv.Read(File.ReadAllText(Path.Combine(outDir, ManualSheet.FileName))).Rows, r => r[0] == "good" && r[1] == "L1.E3" && r[4] == "1.5");
    }

    [Fact]
    public void A_sheet_saved_by_a_spreadsheet_with_semicolons_and_decimal_commas_merges_the_same()
    {
        var outDir = CopyOut();
        var rows = Csv.Read(File.ReadAllText(Path.Combine(outDir, ManualSheet.FileName))).Rows;
        // As a spreadsheet in a decimal-comma locale saves it: ';' between fields, quotes only where needed.
        var lines = rows.Select((r, i) => string.Join(';', (i == 0 ? r : [.. r.Take(4), r[0] == "good" && r[1] == "L1.E3" ? "1,5" : ""])
            .Select(f => f.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f)));
        var path = Path.Combine(outDir, "filled-semicolons.csv");
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");

        var outcome = ManualMerge.Merge(path, outDir);

        Assert.Empty(outcome.Errors);
        Assert.Equal(1, outcome.Merged);
        Assert.Equal(1.5m, new ResultStore(outDir).Load("good")!.Manual["L1.E3"]);
    }

    [Fact]
    public void A_bad_sheet_is_reported_row_by_row_and_changes_nothing()
    {
        var outDir = CopyOut();
        var before = File.ReadAllText(Path.Combine(outDir, GradesCsv.FileName));
        var path = Path.Combine(outDir, "bad.csv");
        File.WriteAllText(path,
            "student_id,exercise_id,max_points,answer,points\n" +
            "good,L1.E2,2,text,2\n" +
            "nobody,L1.E2,2,text,1\n" +
            "good,L9.E9,2,text,1\n" +
            "good,L1.E3,2,text,lots\n" +
            "good,L1.E4,2,text,3\n" +
            "good,L1.E1,4,text,1\n");

        var outcome = ManualMerge.Merge(path, outDir);

        Assert.Equal(
        [
            "bad.csv row 3: unknown student 'nobody' (no graded result for that id).",
            "bad.csv row 4: unknown exercise 'L9.E9'; expected a free-text exercise (L1.E2, L1.E3, L1.E4, L2.E3, L2.E4, L3.E3, L4.E3).",
            "bad.csv row 5: points 'lots' is not a number; expected 0 to 2.",
            "bad.csv row 6: points 3 is out of range; expected 0 to 2.",
            "bad.csv row 7: unknown exercise 'L1.E1'; expected a free-text exercise (L1.E2, L1.E3, L1.E4, L2.E3, L2.E4, L3.E3, L4.E3).",
        ], outcome.Errors);
        Assert.Equal(before, File.ReadAllText(Path.Combine(outDir, GradesCsv.FileName)));
    }

    [Fact]
    public async Task A_rerun_skips_students_already_graded()
    {
        var outDir = CopyOut();
        var run = await new CourseKit.Grading.Running.ClassGrader(
            new CourseKit.Grading.Running.GradingSetup(fixture.Submissions, outDir, GradedClassFixture.Limits), force: false).GradeAsync();

        Assert.Empty(run.Graded);
        Assert.Equal(FixtureClass.ExpectedTotals.Count, run.Skipped);
        Assert.Equal(FixtureClass.ExpectedTotals.Count, run.All.Count);
    }
}
