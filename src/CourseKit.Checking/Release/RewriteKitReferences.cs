using CourseKit.Notebooks.Documents;

namespace CourseKit.Checking.Release;

/// <summary>
/// Sources live one folder deeper (<c>exercises/source/</c>) than student notebooks (<c>exercises/</c>), so
/// <c>#r "../../src/…"</c> becomes <c>#r "../src/…"</c>.
/// </summary>
public sealed class RewriteKitReferences : IReleaseStep
{
    public void Apply(Notebook notebook, string file)
    {
        foreach (var cell in notebook.Cells.Where(c => c.Type == CellType.Code && c.Source.Contains("#r \"../../src/", StringComparison.Ordinal)))
            cell.Source = cell.Source.Replace("#r \"../../src/", "#r \"../src/", StringComparison.Ordinal);
    }
}
