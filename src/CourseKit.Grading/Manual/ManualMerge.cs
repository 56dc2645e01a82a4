using System.Globalization;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Model;
using CourseKit.Grading.Outputs;
using CourseKit.Grading.Results;

namespace CourseKit.Grading.Manual;

/// <summary>
/// Reads a filled manual-grading sheet and stores its points in the results, then rewrites every output.
/// The sheet is checked whole first: any bad row (unknown student or exercise, points not a number or out of
/// range) is reported as one line naming the row, and nothing is changed. Rows with empty points are skipped.
/// The sheet may come back from a spreadsheet saved with <c>;</c> and decimal commas.
/// </summary>
public static class ManualMerge
{
    public sealed record Outcome(int Merged, IReadOnlyList<string> Errors, IReadOnlyList<StudentResult> All);

    public static Outcome Merge(string sheetPath, string outDir)
    {
        if (!File.Exists(sheetPath))
            throw new GradingException($"{sheetPath}: no such file; expected the filled {ManualSheet.FileName}.");
        var store = new ResultStore(outDir);
        if (!Directory.Exists(store.Folder))
            throw new GradingException($"{outDir}: no graded results in it (expected {store.Folder}); grade the class first.");
        var name = Path.GetFileName(sheetPath);
        var sheet = Csv.Read(File.ReadAllText(sheetPath));
        var rows = sheet.Rows;
        if (rows.Count == 0 || !rows[0].Select(h => h.Trim()).SequenceEqual(ManualSheet.Header, StringComparer.OrdinalIgnoreCase))
            throw new GradingException($"{name} row 1: expected the header {string.Join(",", ManualSheet.Header)}.");

        var results = store.LoadAll().ToDictionary(r => r.StudentId, StringComparer.Ordinal);
        var points = new Dictionary<(string Student, string Exercise), decimal>();
        var errors = new List<string>();
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            var where = $"{name} row {i + 1}";
            if (row.Count != ManualSheet.Header.Length) { errors.Add($"{where}: expected {ManualSheet.Header.Length} columns, found {row.Count}."); continue; }
            var (student, exerciseId, given) = (Csv.FromFormulaSafe(row[0].Trim()), row[1].Trim(), row[4].Trim());
            if (!results.TryGetValue(student, out var result)) { errors.Add($"{where}: unknown student '{student}' (no graded result for that id)."); continue; }
            if (!ExerciseCatalog.TryGet(exerciseId, out var exercise) || exercise.Kind != ExerciseKind.FreeText)
            { errors.Add($"{where}: unknown exercise '{exerciseId}'; expected a free-text exercise ({string.Join(", ", ExerciseCatalog.All.Where(e => e.Kind == ExerciseKind.FreeText).Select(e => e.Id))})."); continue; }
            if (result.FreeText.All(a => a.ExerciseId != exercise.Id)) { errors.Add($"{where}: {student} handed in no answer to {exercise.Id}."); continue; }
            if (given.Length == 0) continue;
            if (!sheet.TryReadNumber(given, out var value))
            { errors.Add($"{where}: points '{given}' is not a number; expected 0 to {exercise.Points}."); continue; }
            if (value < 0 || value > exercise.Points)
            { errors.Add($"{where}: points {given} is out of range; expected 0 to {exercise.Points}."); continue; }
            points[(student, exercise.Id)] = value;
        }
        if (errors.Count > 0) return new Outcome(0, errors, []);

        foreach (var group in points.GroupBy(p => p.Key.Student))
        {
            var result = results[group.Key];
            var manual = new Dictionary<string, decimal>(result.Manual);
            foreach (var entry in group) manual[entry.Key.Exercise] = entry.Value;
            results[group.Key] = result with { Manual = manual };
            store.Save(results[group.Key]);
        }
        var all = store.LoadAll();
        OutputWriter.WriteAll(outDir, all);
        return new Outcome(points.Count, [], all);
    }
}
