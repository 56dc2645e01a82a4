using System.Reflection;
using CourseKit.Notebooks.Runtime;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Runs one notebook's compiled cells, in order, inside the worker. The cells share one array of script
/// states (the globals first, then each cell's instance), which is how a cell sees earlier cells' variables.
/// </summary>
public sealed class CellHost
{
    private readonly NotebookLoadContext _context = new();
    private readonly OutputSink _sink;
    private object?[] _states = new object?[16];

    public CellHost()
    {
        _sink = new OutputSink(_context);
        _states[0] = new ScriptGlobals(_sink);
    }

    /// <summary>Runs one cell; an error output ends its outputs when it fails.</summary>
    public async Task<CellRunResult> RunAsync(CompiledCell cell)
    {
        switch (await ExecuteAsync(cell))
        {
            case Execution.Threw threw:
                return Fail(CellErrors.FromException(threw.Exception, cell.Number));
            case Execution.LoadFailed load:
                return Fail(new CellOutput.Error("LoadError", load.Error.Message, [$"Cell {cell.Number}: {load.Error.Message}"]));
            case Execution.Returned { Value: { } value and not DisplayedValue } when cell.ShowsResult:
                _sink.Display(value, isResult: true);
                break;
        }
        return new CellRunResult(_sink.TakeAll(), Failed: false);
    }

    /// <summary>The outputs so far of the cell that runs, for a runner that shows them as they happen.</summary>
    public IReadOnlyList<CellOutput> TakeOutputsSoFar() => _sink.TakeSoFar();

    /// <summary>The cell's unfinished last line of Console output, taken as the prompt of the line it reads next.</summary>
    public string TakeInputPrompt() => _sink.TakeUnfinishedLine();

    /// <summary>Runs one cell for its value, which must be a string; what the cell writes or displays is dropped.</summary>
    public async Task<Evaluated> EvaluateAsync(CompiledCell cell)
    {
        var execution = await ExecuteAsync(cell);
        _sink.TakeAll();
        return execution switch
        {
            Execution.Returned { Value: string text } => new Evaluated.Value(text),
            Execution.Returned { Value: { } other } => new Evaluated.Failed($"the evaluation gave a value of type {other.GetType().Name}, not a string."),
            Execution.Returned => new Evaluated.Failed("the evaluation gave no value."),
            Execution.Threw threw => new Evaluated.Failed($"the evaluation raised {threw.Exception.GetType().Name}: {threw.Exception.Message}"),
            Execution.LoadFailed load => new Evaluated.Failed(load.Error.Message),
            _ => throw new InvalidOperationException("unknown execution"),
        };
    }

    private async Task<Execution> ExecuteAsync(CompiledCell cell)
    {
        DisplayExtensions.CurrentSink = _sink;
        var previousOut = Console.Out;
        var previousError = Console.Error;
        Console.SetOut(_sink.StandardOutput);
        Console.SetError(_sink.StandardError);
        try
        {
            foreach (var path in cell.LoadPaths)
                _context.LoadReference(path);
            if (cell.Assembly is null) return new Execution.Returned(null);

            var entry = Entry(cell);
            Reserve(cell.Number + 1);
            try
            {
                return new Execution.Returned(await entry(_states));
            }
            catch (Exception exception)
            {
                return new Execution.Threw(exception);
            }
        }
        catch (Exception error) when (error is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            return new Execution.LoadFailed(error);
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }

    // How running a cell's code ended, before its outputs are put together.
    private abstract record Execution
    {
        public sealed record Returned(object? Value) : Execution;

        public sealed record Threw(Exception Exception) : Execution;

        public sealed record LoadFailed(Exception Error) : Execution;
    }

    private Func<object?[], Task<object>> Entry(CompiledCell cell)
    {
        var assembly = _context.LoadCell(cell.Assembly!, cell.Symbols);
        var method = assembly.GetType(cell.EntryType, throwOnError: true)!
            .GetMethod(cell.EntryMethod, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;
        return method.CreateDelegate<Func<object?[], Task<object>>>();
    }

    // A cell's instance takes the next free slot, never past its own number (cells without code take none).
    private void Reserve(int slots)
    {
        if (_states.Length > slots) return;
        Array.Resize(ref _states, Math.Max(slots + 1, _states.Length * 2));
    }

    private CellRunResult Fail(CellOutput.Error error)
    {
        _sink.Add(error);
        return new CellRunResult(_sink.TakeAll(), Failed: true);
    }
}

/// <summary>The outputs of one cell and whether it failed.</summary>
public sealed record CellRunResult(IReadOnlyList<CellOutput> Outputs, bool Failed);
