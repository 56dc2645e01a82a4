using CourseKit.Checking.Cells;
using CourseKit.Exercises.Catalog;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Checking.Release;

/// <summary>Writes each prompt cell from the exercise catalog, the one definition of prompts and points.</summary>
public sealed class RenderPrompts : IReleaseStep
{
    public void Apply(Notebook notebook, string file)
    {
        foreach (var cell in notebook.Cells.Where(c => CellRoles.RoleOf(c) == CellRoles.Prompt))
            cell.Source = ExerciseCatalog.Get(CellRoles.ExerciseOf(cell)!).PromptMarkdown;
    }
}
