using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Pipelines;

/// <summary>
/// The course run, one notebook at a time, as ordered small steps (like the release pipeline): load → execute → write
/// the executed notebook → write its page. Bad input ends that notebook with a one-line reason; the others still run.
/// </summary>
public sealed class RunPipeline : IAsyncDisposable
{
    private readonly WorkerPool _workers = new();

    public RunPipeline(RunSettings settings) =>
        Steps = [new LoadNotebook(), new ExecuteCells(_workers, settings), new WriteExecuted(settings.OutputFolder), new WritePage(settings.HtmlFolder, settings.Charts)];

    public IReadOnlyList<IRunStep> Steps { get; }

    public Task<NotebookReport> RunAsync(string path, CancellationToken cancel = default) =>
        RunAsync(new NotebookFile(path, null), cancel);

    public async Task<NotebookReport> RunAsync(NotebookFile file, CancellationToken cancel = default)
    {
        var run = new NotebookRun(file);
        foreach (var step in Steps)
        {
            if (await step.ApplyAsync(run, cancel) is { } ended) return ended;
        }
        return Report(run);
    }

    private static NotebookReport Report(NotebookRun run)
    {
        var result = run.Result!;
        var failure = result.Failure;
        return new NotebookReport(run.File.Path, run.Notebook!.Cells.Count, result.Elapsed,
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
