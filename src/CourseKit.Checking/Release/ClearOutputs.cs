using CourseKit.Notebooks.Documents;

namespace CourseKit.Checking.Release;

/// <summary>Removes outputs and execution counts, which could show reference answers.</summary>
public sealed class ClearOutputs : IReleaseStep
{
    public void Apply(Notebook notebook, string file)
    {
        foreach (var cell in notebook.Cells.Where(c => c.Type == CellType.Code))
            cell.SetOutputs([], null);
    }
}
