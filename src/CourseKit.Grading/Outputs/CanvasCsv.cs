using CourseKit.Exercises.Catalog;
using CourseKit.Grading.Results;

namespace CourseKit.Grading.Outputs;

/// <summary>
/// <c>canvas-gradebook.csv</c> in Canvas's gradebook import format: Student, ID, SIS User ID, SIS Login ID,
/// Section, then one assignment column per exercise notebook, and a "Points Possible" row under the header.
/// The student id goes in SIS User ID and SIS Login ID, which Canvas matches students on. A submission that is not
/// gradable leaves its assignment cells empty, which Canvas reads as "no grade", not 0.
/// </summary>
public static class CanvasCsv
{
    public const string FileName = "canvas-gradebook.csv";

    public static string AssignmentName(ExerciseNotebook notebook) => $"{notebook.Lesson} exercises";

    public static string Write(IEnumerable<StudentResult> results)
    {
        var notebooks = ExerciseCatalog.Notebooks;
        var rows = new List<IReadOnlyList<string>>();
        rows.Add(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", .. notebooks.Select(AssignmentName)]);
        rows.Add(["    Points Possible", "", "", "", "", .. notebooks.Select(n => Csv.Number(n.ExerciseIds.Sum(id => ExerciseCatalog.Get(id).Points)))]);
        rows.AddRange(results.Select(r => (IReadOnlyList<string>)
            [Csv.FormulaSafe(r.StudentId), "", Csv.FormulaSafe(r.StudentId), Csv.FormulaSafe(r.StudentId), "", .. notebooks.Select(n => r.IsGradable ? Csv.Number(n.ExerciseIds.Sum(r.Score)) : "")]));
        return Csv.Write(rows);
    }
}
