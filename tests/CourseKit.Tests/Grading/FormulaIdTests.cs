using CourseKit.Grading.Manual;
using CourseKit.Grading.Outputs;
using CourseKit.Grading.Results;
using CourseKit.Grading.Running;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>Student ids come from the names of handed-in files, so a spreadsheet must never run one as a formula.</summary>
public sealed class FormulaIdTests
{
    private const string Id = "=HYPERLINK(\"x\",\"y\")";

    [Fact]
    public void An_id_that_looks_like_a_formula_is_text_in_every_sheet_and_its_manual_points_still_merge()
    {
        using var root = new TempFolder();
        var graded = SubmissionGrader.Failed(Id, "no notebooks") with { FreeText = [new FreeTextAnswer("L1.E2", "A photo replaces the description.")] };
        new ResultStore(root.Path).Save(graded);
        OutputWriter.WriteAll(root.Path, [graded]);

        Assert.Equal("'" + Id, Csv.Read(File.ReadAllText(Path.Combine(root.Path, GradesCsv.FileName))).Rows[2][0]);
        Assert.Equal(["'" + Id, "", "'" + Id, "'" + Id], Csv.Read(File.ReadAllText(Path.Combine(root.Path, CanvasCsv.FileName))).Rows[2].Take(4));
        var sheet = Csv.Read(File.ReadAllText(Path.Combine(root.Path, ManualSheet.FileName))).Rows;
        Assert.Equal("'" + Id, sheet[1][0]);

        var filled = Path.Combine(root.Path, "filled.csv");
        File.WriteAllText(filled, Csv.Write([sheet[0], [.. sheet[1].Take(4), "1.5"]]));
        var outcome = ManualMerge.Merge(filled, root.Path);

        Assert.Empty(outcome.Errors);
        Assert.Equal(1.5m, new ResultStore(root.Path).Load(Id)!.Total);
    }
}
