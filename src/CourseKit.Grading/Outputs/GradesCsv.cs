using CourseKit.Exercises.Catalog;
using CourseKit.Grading.Results;

namespace CourseKit.Grading.Outputs;

/// <summary><c>grades.csv</c>: student id, one column per exercise, the total; the second row holds the maximum points.</summary>
public static class GradesCsv
{
    public const string FileName = "grades.csv";
    public const string MaxRow = "(max points)";

    public static string Write(IEnumerable<StudentResult> results)
    {
        var exercises = ExerciseCatalog.All;
        var rows = new List<IReadOnlyList<string>>();
        rows.Add(["student_id", .. exercises.Select(e => e.Id), "total"]);
        rows.Add([MaxRow, .. exercises.Select(e => Csv.Number(e.Points)), Csv.Number(StudentResult.MaxTotal)]);
        rows.AddRange(results.Select(r => (IReadOnlyList<string>)
            [Csv.FormulaSafe(r.StudentId), .. exercises.Select(e => Csv.Number(r.Score(e.Id))), Csv.Number(r.Total)]));
        return Csv.Write(rows);
    }
}
