using CourseKit.Checking.Cells;
using CourseKit.Exercises.Catalog;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Checking.Release;

/// <summary>Replaces each reference solution with the answer placeholder: a typed default that reads as "not attempted".</summary>
public sealed class ReplaceSolutions : IReleaseStep
{
    public const string Banner = "// YOUR ANSWER HERE: replace the placeholder below with your answer, then run the check cell.";

    public void Apply(Notebook notebook, string file)
    {
        foreach (var cell in notebook.Cells.Where(c => CellRoles.RoleOf(c) == CellRoles.Solution))
        {
            var exercise = ExerciseCatalog.Get(CellRoles.ExerciseOf(cell)!);
            cell.Source = $"{Banner}\n{exercise.StarterCode}";
            CellRoles.Set(cell, CellRoles.Answer, exercise.Id);
        }
    }
}
