using CourseKit.IO;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Rendering;

namespace CourseKit.Notebooks.Pipelines;

/// <summary>
/// The course run, one notebook at a time: load → execute → write the executed notebook → write its page.
/// Bad input ends that notebook with a one-line reason; the others still run.
/// </summary>
public sealed class RunPipeline(RunSettings settings) : IAsyncDisposable
{
    private readonly WorkerPool _workers = new();

    public Task<NotebookReport> RunAsync(string path, CancellationToken cancel = default) =>
        RunAsync(new NotebookFile(path, null), cancel);

    public async Task<NotebookReport> RunAsync(NotebookFile file, CancellationToken cancel = default)
    {
        var path = file.Path;
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(path);
        }
        catch (NotebookFormatException error)
        {
            return NotebookReport.BadInput(path, error.Problem);
        }
        if (notebook.Cells.Count == 0)
            return NotebookReport.BadInput(path, "the notebook has no cells.");

        var cells = notebook.Cells
            .Select((cell, index) => new CellToRun(index + 1, notebook.KernelOf(cell), SourceToRun(notebook, cell)))
            .ToList();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var result = await new NotebookRunner(_workers).RunAsync(directory, cells, new RunOptions(settings.CellTimeLimit) { Packages = settings.Packages });

        foreach (var cell in notebook.Cells.Where(c => c.Type == CellType.Code))
            cell.SetOutputs([], null);
        foreach (var execution in result.Executions)
            notebook.Cells[execution.Number - 1].SetOutputs(NbformatOutputs.From(execution.Outputs, execution.ExecutionCount), execution.ExecutionCount);

        // A .dib has no place for outputs, so the executed notebook is always written as .ipynb.
        var executed = notebook.ToIpynb();
        if (settings.OutputFolder is { } outputFolder)
            executed.Save(Path.Combine(outputFolder, file.OutputName));
        if (settings.HtmlFolder is { } htmlFolder)
            AtomicFile.WriteAllText(Path.Combine(htmlFolder, Path.ChangeExtension(file.OutputName, ".html")),
                NotebookPage.Render(executed, Path.GetFileNameWithoutExtension(file.OutputName), settings.Charts));

        var failure = result.Failure;
        return new NotebookReport(path, notebook.Cells.Count, result.Elapsed,
            failure is null ? NotebookStatus.Passed : NotebookStatus.Failed,
            failure switch
            {
                null => null,
                { CellNumber: null } => $"the notebook could not be run: {failure.Reason}",
                _ => $"cell {failure.CellNumber} (\"{Shorten(failure.FirstLine)}\"): {failure.Reason}",
            })
        {
            CompileTime = result.CompileTime,
        };
    }

    // A first-line #!csharp selects the kernel; it is not C#, so the runner gets a blank line in its place.
    public static string SourceToRun(Notebook notebook, NotebookCell cell)
    {
        var source = cell.Source;
        if (KernelResolver.MagicKernel(source, notebook) is null) return source;
        var newline = source.IndexOf('\n');
        return newline < 0 ? "" : "\n" + source[(newline + 1)..];
    }

    /// <summary>
    /// Runs many notebooks side by side, one worker each, as many at once as there are cores.
    /// Reports come back in the order of the files.
    /// </summary>
    public async Task<IReadOnlyList<NotebookReport>> RunAllAsync(IReadOnlyList<NotebookFile> files,
        Action<NotebookReport>? finished = null, CancellationToken cancel = default)
    {
        var reports = new NotebookReport[files.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancel },
            async (i, token) =>
            {
                reports[i] = files[i].Problem is { } problem
                    ? NotebookReport.BadInput(files[i].Path, problem)
                    : await RunAsync(files[i], token);
                finished?.Invoke(reports[i]);
            });
        return reports;
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";

    public ValueTask DisposeAsync() => _workers.DisposeAsync();
}
