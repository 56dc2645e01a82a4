using CourseKit.IO;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Rendering;

namespace CourseKit.Notebooks.Pipelines;

/// <summary>One notebook on its way through the course run: what each step found or made.</summary>
public sealed class NotebookRun(NotebookFile file)
{
    public NotebookFile File { get; } = file;

    public Notebook? Notebook { get; set; }

    public NotebookRunResult? Result { get; set; }

    /// <summary>The notebook with its outputs, always .ipynb: a .dib has no place for outputs.</summary>
    public Notebook? Executed { get; set; }
}

/// <summary>One step of the course run; a report ends this notebook's run there (bad input), null goes on.</summary>
public interface IRunStep
{
    Task<NotebookReport?> ApplyAsync(NotebookRun run, CancellationToken cancel);
}

/// <summary>Reads the notebook; a file that is not one, or has no cells, ends with a one-line reason.</summary>
public sealed class LoadNotebook : IRunStep
{
    public Task<NotebookReport?> ApplyAsync(NotebookRun run, CancellationToken cancel)
    {
        try
        {
            run.Notebook = Notebook.Load(run.File.Path);
        }
        catch (NotebookFormatException error)
        {
            return Task.FromResult<NotebookReport?>(NotebookReport.BadInput(run.File.Path, error.Problem));
        }
        return Task.FromResult(run.Notebook.Cells.Count == 0 ? NotebookReport.BadInput(run.File.Path, "the notebook has no cells.") : null);
    }
}

/// <summary>Runs the notebook's cells in a worker and puts their outputs in the cells, as an .ipynb.</summary>
public sealed class ExecuteCells(WorkerPool workers, RunSettings settings) : IRunStep
{
    public async Task<NotebookReport?> ApplyAsync(NotebookRun run, CancellationToken cancel)
    {
        var notebook = run.Notebook!;
        var cells = notebook.Cells
            .Select((cell, index) => new CellToRun(index + 1, notebook.KernelOf(cell), RunPipeline.SourceToRun(notebook, cell)))
            .ToList();
        var directory = Path.GetDirectoryName(Path.GetFullPath(run.File.Path))!;
        run.Result = await new NotebookRunner(workers).RunAsync(directory, cells, new RunOptions(settings.CellTimeLimit) { Packages = settings.Packages });

        foreach (var cell in notebook.Cells.Where(c => c.Type == CellType.Code))
            cell.SetOutputs([], null);
        foreach (var execution in run.Result.Executions)
            notebook.Cells[execution.Number - 1].SetOutputs(NbformatOutputs.From(execution.Outputs, execution.ExecutionCount), execution.ExecutionCount);
        run.Executed = notebook.ToIpynb();
        return null;
    }
}

/// <summary>Writes the executed notebook under the output folder, when there is one.</summary>
public sealed class WriteExecuted(string? folder) : IRunStep
{
    public Task<NotebookReport?> ApplyAsync(NotebookRun run, CancellationToken cancel)
    {
        if (folder is not null)
            run.Executed!.Save(Path.Combine(folder, run.File.OutputName));
        return Task.FromResult<NotebookReport?>(null);
    }
}

/// <summary>Writes the executed notebook's page under the HTML folder, when there is one.</summary>
public sealed class WritePage(string? folder, ChartAssets? charts) : IRunStep
{
    public Task<NotebookReport?> ApplyAsync(NotebookRun run, CancellationToken cancel)
    {
        if (folder is not null)
            AtomicFile.WriteAllText(Path.Combine(folder, Path.ChangeExtension(run.File.OutputName, ".html")),
                NotebookPage.Render(run.Executed!, Path.GetFileNameWithoutExtension(run.File.OutputName), charts));
        return Task.FromResult<NotebookReport?>(null);
    }
}
