using CourseKit.Exercises.Catalog;
using CourseKit.Grading.Results;

namespace CourseKit.Grading.Outputs;

/// <summary>
/// <c>manual-grading.csv</c>: every free-text answer with its student, exercise and maximum points, and a
/// points column to fill in (points merged before are shown, so the sheet can be merged again).
/// </summary>
public static class ManualSheet
{
    public const string FileName = "manual-grading.csv";

    public static readonly string[] Header = ["student_id", "exercise_id", "max_points", "answer", "points"];

    public static string Write(IEnumerable<StudentResult> results)
    {
        var rows = new List<IReadOnlyList<string>> { Header };
        foreach (var result in results)
        {
            foreach (var answer in result.FreeText)
            {
                var points = result.Manual.TryGetValue(answer.ExerciseId, out var given) ? Csv.Number(given) : "";
                rows.Add([Csv.FormulaSafe(result.StudentId), answer.ExerciseId, Csv.Number(ExerciseCatalog.Get(answer.ExerciseId).Points), Csv.FormulaSafe(answer.Text), points]);
            }
        }
        return Csv.Write(rows);
    }
}
