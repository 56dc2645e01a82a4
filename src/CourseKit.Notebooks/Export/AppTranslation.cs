using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Pipelines;

namespace CourseKit.Notebooks.Export;

/// <summary>A part of a notebook the app could not take over: it stays in the app as a comment saying so.</summary>
public sealed record Untranslated(int Cell, string What, string Reason)
{
    public override string ToString() => $"cell {Cell}: {What}: {Reason}";
}

/// <summary>What translating one notebook gave: the app's source, or why the notebook cannot be an app.</summary>
public abstract record AppTranslation
{
    private AppTranslation() { }

    public sealed record App(string Source, int CodeCells, IReadOnlyList<Untranslated> Untranslated) : AppTranslation;

    public sealed record Refused(string Reason) : AppTranslation;

    /// <summary>
    /// Translates <paramref name="notebook"/> into the source of a C# file-based app that will live at
    /// <paramref name="appPath"/>: references become <c>#:package</c>/<c>#:project</c> lines relative to it, Markdown
    /// becomes comments, C# cells become top-level statements in order, each marked where it starts.
    /// </summary>
    public static AppTranslation Of(Notebook notebook, string notebookPath, string appPath, AppReferences references)
    {
        var writer = new AppWriter(Path.GetFileName(notebookPath), Path.GetDirectoryName(Path.GetFullPath(appPath))!, references);
        var notebookFolder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            var number = i + 1;
            if (cell.Type == CellType.Raw)
            {
                writer.Comment(number, "raw cell", cell.Source);
                continue;
            }
            switch (notebook.KernelOf(cell))
            {
                case "markdown":
                    writer.Comment(number, "Markdown", cell.Source);
                    break;
                case "mermaid":
                    writer.Untranslated(new Untranslated(number, "#!mermaid cell", "a C# app cannot draw a diagram; its Mermaid source is kept as a comment"));
                    writer.Comment(number, "Mermaid, not translated: a C# app cannot draw a diagram. Its source, for a Mermaid viewer", cell.Source);
                    break;
                case "csharp":
                    writer.Code(number, RunPipeline.SourceToRun(notebook, cell), notebookFolder);
                    break;
                case var other:
                    return new Refused($"cell {number} is a #!{other} cell; only C# cells can become a C# app (Markdown and Mermaid cells become comments).");
            }
        }
        return new App(writer.Source(), writer.CodeCells, writer.Notes);
    }
}
