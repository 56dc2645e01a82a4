using System.Text.RegularExpressions;
using CourseKit.Exercises.Catalog;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Checking.Cells;

/// <summary>Where each exercise's check cell is in a notebook: by metadata, or by its <c>Check("L1.E3", …)</c> call.</summary>
public static partial class ExerciseCells
{
    /// <summary>Exercise id → 1-based number of its check cell; ids of the notebook's catalog entry come first.</summary>
    public static IReadOnlyDictionary<string, int?> CheckCells(Notebook notebook, string path)
    {
        var found = new Dictionary<string, int?>(StringComparer.OrdinalIgnoreCase);
        var expected = ExerciseCatalog.NotebookNamed(path)?.ExerciseIds ?? [];
        foreach (var id in expected) found[id] = null;
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Type != CellType.Code) continue;
            foreach (var id in CheckedIds(cell))
            {
                if (!ExerciseCatalog.TryGet(id, out var exercise)) continue;
                if (!found.TryGetValue(exercise.Id, out var number) || number is null)
                    found[exercise.Id] = i + 1;
            }
        }
        return found;
    }

    private static IEnumerable<string> CheckedIds(NotebookCell cell)
    {
        if (CellRoles.RoleOf(cell) == CellRoles.Check && CellRoles.ExerciseOf(cell) is { } tagged)
            yield return tagged;
        foreach (Match match in CheckCall().Matches(cell.Source))
            yield return match.Groups["id"].Value;
    }

    [GeneratedRegex("""\bCheck\(\s*"(?<id>L\d+\.E\d+)"\s*,""")]
    private static partial Regex CheckCall();
}
