using System.Text.Json.Nodes;
using CourseKit.Checking.Cells;
using CourseKit.Exercises.Catalog;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Site;

namespace CourseKit.Checking.Site;

/// <summary>
/// An exercise page of the site, from a student notebook: its cells, a note on how to check your work under the
/// title, and each exercise's hints after its check cell, one folded <c>&lt;details&gt;</c> per hint. The set-up
/// cell is folded. Hints are public (learners see them with <c>Hint(…)</c>); nothing here comes from the
/// instructor sources or the hidden checks.
/// </summary>
public static class ExerciseHelp
{
    public const string NoteClass = "note";
    public const string HintClass = "hint";

    public static IReadOnlyList<SourceBlock> Blocks(Notebook student, string notebookPath, string? lessonLink)
    {
        var blocks = new List<SourceBlock>();
        for (var i = 0; i < student.Cells.Count; i++)
        {
            var cell = student.Cells[i];
            if (CellRoles.RoleOf(cell) == CellRoles.Setup) cell.Metadata["tags"] = new JsonArray("hide-cell");
            blocks.Add(new CellBlock(i));
            if (i == 0) blocks.Add(new MarkdownBlock(Note(notebookPath, lessonLink), Class: NoteClass));
            if (CellRoles.RoleOf(cell) == CellRoles.Check && CellRoles.ExerciseOf(cell) is { } id && ExerciseCatalog.TryGet(id, out var exercise))
            {
                for (var h = 0; h < exercise.Hints.Count; h++)
                    blocks.Add(new MarkdownBlock(exercise.Hints[h], $"Hint {h + 1} of {exercise.Hints.Count} for {exercise.Id}", HintClass));
            }
        }
        return blocks;
    }

    private static string Note(string notebookPath, string? lessonLink) =>
        $"""
        **How to check your work.** Your answers run in the notebook `{notebookPath}`, not on this page. Build the course
        once (`dotnet build CourseKit.sln`), open the notebook in VS Code and run its set-up cell. Replace the placeholder in
        an answer cell with your answer, run it, then run the check cell under it: `Check(…)` prints ✓ or ✗ for each
        check, your points and a hint, and `Hint(…)` with the exercise's id prints the next hint. The hints are also
        below each exercise. To check every notebook at once:
        `dotnet run --project src/CourseKit.Cli -- check exercises/*.ipynb`.{(lessonLink is null ? "" : $" Read [the lesson]({lessonLink}) first.")}
        """;
}
