using CourseKit.Checking.Cells;
using CourseKit.Exercises.Catalog;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Checking.Release;

/// <summary>Every tagged cell names a known exercise and role; every exercise of the notebook has its prompt, solution and check.</summary>
public sealed class ValidateTags : IReleaseStep
{
    private static readonly string[] Roles =
        [CellRoles.Setup, CellRoles.Prompt, CellRoles.Solution, CellRoles.Answer, CellRoles.Check, CellRoles.Instructor];

    public void Apply(Notebook notebook, string file)
    {
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Metadata[CellRoles.Key] is null) continue;
            var role = CellRoles.RoleOf(cell);
            if (role is null || !Roles.Contains(role))
                throw new ReleaseException(file, i + 1, $"the cell's coursekit role is '{role}'; use one of {string.Join(", ", Roles)}.");
            var id = CellRoles.ExerciseOf(cell);
            if (role is CellRoles.Prompt or CellRoles.Solution or CellRoles.Check && (id is null || !ExerciseCatalog.TryGet(id, out _)))
                throw new ReleaseException(file, i + 1, $"the {role} cell names exercise '{id}', which is not in the exercise catalog.");
        }
        var entry = ExerciseCatalog.NotebookNamed(file)
            ?? throw new ReleaseException(file, null, $"the file name is not one of the exercise notebooks: {string.Join(", ", ExerciseCatalog.Notebooks.Select(n => n.FileName))}.");
        foreach (var id in entry.ExerciseIds)
        {
            foreach (var role in new[] { CellRoles.Prompt, CellRoles.Solution, CellRoles.Check })
            {
                if (!notebook.Cells.Any(c => CellRoles.RoleOf(c) == role && CellRoles.ExerciseOf(c) == id))
                    throw new ReleaseException(file, null, $"exercise {id} has no {role} cell.");
            }
        }
    }
}
