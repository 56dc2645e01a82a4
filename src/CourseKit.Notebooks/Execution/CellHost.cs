using System.Reflection;
using CourseKit.Notebooks.Runtime;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Runs one notebook's compiled cells, in order, inside the worker. The cells share one array of script
/// states (the globals first, then each cell's instance), which is how a cell sees earlier cells' variables.
/// </summary>
public sealed class CellHost
{
    private readonly OutputSink _sink = new();
    private readonly NotebookLoadContext _context = new();
    private object?[] _states = new object?[16];

    public CellHost() => _states[0] = new ScriptGlobals(_sink);

    /// <summary>Runs one cell; an error output ends its outputs when it fails.</summary>
    public async Task<CellRunResult> RunAsync(CompiledCell cell)
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
            if (cell.Assembly is null) return new CellRunResult(_sink.TakeAll(), Failed: false);

            var entry = Entry(cell);
            Reserve(cell.Number + 1);
            object? value;
            try
            {
                value = await entry(_states);
            }
            catch (Exception exception)
            {
                return Fail(CellErrors.FromException(exception, cell.Number));
            }
            if (cell.ShowsResult && value is not null and not DisplayedValue)
                _sink.Display(value, isResult: true);
            return new CellRunResult(_sink.TakeAll(), Failed: false);
        }
        catch (Exception error) when (error is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            return Fail(new CellOutput.Error("LoadError", error.Message, [$"Cell {cell.Number}: {error.Message}"]));
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
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
