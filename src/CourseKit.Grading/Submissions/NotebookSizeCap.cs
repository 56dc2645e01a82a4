using System.Globalization;
using CourseKit.Exercises.Catalog;

namespace CourseKit.Grading.Submissions;

/// <summary>
/// Refuses an exercise notebook larger than the cap from its size alone, before anything reads it: parsing a notebook
/// holds all of it in the grader's memory several times over, so one huge cell could exhaust the grader.
/// </summary>
public static class NotebookSizeCap
{
    /// <summary>Why the submission in <paramref name="folder"/> is not gradable, or null when every exercise notebook in it is within the cap.</summary>
    public static string? Check(string folder, long maxBytes) =>
        ExerciseCatalog.Notebooks
            .Select(n => new FileInfo(Path.Combine(folder, n.FileName)))
            .Where(f => f.Exists && f.Length > maxBytes)
            .Select(f => TooLarge(f.Name, f.Length, maxBytes))
            .FirstOrDefault();

    /// <summary>Whether a file of this name is an exercise notebook, which the grader reads and the cap applies to.</summary>
    public static bool IsExerciseNotebook(string name) => ExerciseCatalog.Notebooks.Any(n => n.FileName == name);

    public static string TooLarge(string name, long bytes, long maxBytes) =>
        $"{name} is {Megabytes(bytes)}; notebooks over {Megabytes(maxBytes)} are not graded (clear large outputs or cells, save, and hand it in again).";

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024)).ToString(bytes < 10L * 1024 * 1024 ? "0.##" : "0", CultureInfo.InvariantCulture) + " MB";
}
