using CourseKit.Exercises.Catalog;
using CourseKit.Grading.Results;

namespace CourseKit.Grading.Outputs;

/// <summary>
/// <c>grades.csv</c>: student id, one column per exercise, the total; the second row holds the maximum points. A
/// submission that is not gradable has no points but <see cref="NotGradable"/> as its total, never a 0.
/// </summary>
public static class GradesCsv
{
    public const string FileName = "grades.csv";
    public const string MaxRow = "(max points)";
    public const string NotGradable = "not gradable";

    public static string Write(IEnumerable<StudentResult> results)
    {
        var exercises = ExerciseCatalog.All;
        var rows = new List<IReadOnlyList<string>>();
        rows.Add(["student_id", .. exercises.Select(e => e.Id), "total"]);
        rows.Add([MaxRow, .. exercises.Select(e => Csv.Number(e.Points)), Csv.Number(StudentResult.MaxTotal)]);
        rows.AddRange(results.Select(r => (IReadOnlyList<string>)(r.IsGradable
            ? [Csv.FormulaSafe(r.StudentId), .. exercises.Select(e => Csv.Number(r.Score(e.Id))), Csv.Number(r.Total)]
            : [Csv.FormulaSafe(r.StudentId), .. exercises.Select(_ => ""), NotGradable])));
        return Csv.Write(rows);
    }
}
