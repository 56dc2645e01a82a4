using CourseKit.IO;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Pipelines;

namespace CourseKit.Notebooks.Export;

/// <summary>One notebook's export: the app written, with what it could not translate, or why there is none.</summary>
public abstract record ExportReport(string Path)
{
    public sealed record Exported(string Path, string AppPath, int CodeCells, IReadOnlyList<Untranslated> Untranslated) : ExportReport(Path);

    public sealed record Failed(string Path, string Reason) : ExportReport(Path);
}

/// <summary>
/// <c>coursekit export</c>, one notebook at a time, in steps: load → translate → write the app atomically. Bad input
/// (a notebook that does not parse, a cell in another language) ends that notebook with a one-line reason; the
/// others still export. Apps go under the output folder as executed notebooks do under <c>run --out</c>, as .cs.
/// </summary>
public sealed class ExportPipeline(string outputFolder, AppReferences references)
{
    public IReadOnlyList<ExportReport> ExportAll(IEnumerable<NotebookFile> files) => files.Select(Export).ToList();

    public ExportReport Export(NotebookFile file)
    {
        if (file.Problem is { } problem) return new ExportReport.Failed(file.Path, problem);
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(file.Path);
        }
        catch (NotebookFormatException error)
        {
            return new ExportReport.Failed(file.Path, error.Problem);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new ExportReport.Failed(file.Path, $"it cannot be read: {error.Message}");
        }

        var appPath = AppPath(file);
        switch (AppTranslation.Of(notebook, file.Path, appPath, references))
        {
            case AppTranslation.App app:
                try
                {
                    AtomicFile.WriteAllText(appPath, app.Source);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    return new ExportReport.Failed(file.Path, $"the app {appPath} cannot be written: {error.Message}");
                }
                return new ExportReport.Exported(file.Path, appPath, app.CodeCells, app.Untranslated);
            case AppTranslation.Refused refused:
                return new ExportReport.Failed(file.Path, refused.Reason);
            default:
                throw new InvalidOperationException("unknown translation");
        }
    }

    /// <summary>Where a notebook's app goes: its executed notebook's place under the output folder, as a .cs file.</summary>
    public string AppPath(NotebookFile file) => Path.GetFullPath(Path.Combine(outputFolder, Path.ChangeExtension(file.OutputName, ".cs")));
}
