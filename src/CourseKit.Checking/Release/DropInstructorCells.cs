using CourseKit.Checking.Cells;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Checking.Release;

/// <summary>Removes instructor notes; after it no solution cell may remain.</summary>
public sealed class DropInstructorCells : IReleaseStep
{
    public void Apply(Notebook notebook, string file)
    {
        foreach (var cell in notebook.Cells.Where(c => CellRoles.RoleOf(c) == CellRoles.Instructor).ToList())
            notebook.RemoveCell(cell);
        var left = notebook.Cells.ToList().FindIndex(c => CellRoles.RoleOf(c) == CellRoles.Solution);
        if (left >= 0)
            throw new ReleaseException(file, left + 1, "a solution cell is still in the student edition.");
    }
}
