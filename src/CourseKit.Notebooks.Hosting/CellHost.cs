using System.Runtime.Loader;
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

    // The cell group that runs, paused at the end of one of its cells; null when none.
    private GroupRun? _group;

    /// <summary>
    /// Runs one cell; an error output ends its outputs when it fails. A cell group (<see cref="CompiledCell.Group"/>) runs
    /// up to the end of its first cell, and <see cref="ContinueAsync"/> runs each of its other cells.
    /// </summary>
    public async Task<CellRunResult> RunAsync(CompiledCell cell)
    {
        AbandonGroup();
        if (cell.Group is { Count: > 1 } numbers)
        {
            var group = new GroupRun(numbers, cell.ShowsResult);
            _group = group;
            return Finish(await WithOutputsAsync(() => StartGroupAsync(cell, group)), cell.Number, showsResult: false);
        }
        return Finish(await WithOutputsAsync(() => ExecuteAsync(cell)), cell.Number, cell.ShowsResult);
    }

    /// <summary>
    /// Runs cell <paramref name="number"/> of the group that runs: from where the cell before it ended to where it ends.
    /// The last cell of the group shows the group's value, as a cell of its own would.
    /// </summary>
    public async Task<CellRunResult> ContinueAsync(int number)
    {
        if (_group is not { } group || !group.Holds(number))
            return Fail(new CellOutput.Error("ProtocolError", $"Cell {number} is not a cell of the group that runs.", [$"Cell {number}: it is not in the group that runs."]));
        var outcome = await WithOutputsAsync(group.ContinueAsync);
        // A group whose code ended early (a cell of it awaited the boundary itself) still answers for its other cells.
        if (outcome is Execution.Threw or Execution.LoadFailed || group.IsLast(number)) AbandonGroup();
        return Finish(outcome, number, group.ShowsResult(number));
    }

    // A group left paused (its code awaited the boundary more often than it has cells) never goes on, and the cells
    // after it find CellBoundary.NextAsync as outside any group.
    private void AbandonGroup()
    {
        _group = null;
        CellBoundary.Reached = null;
        CellBoundary.Entered = null;
    }

    private CellRunResult Finish(Execution outcome, int number, bool showsResult)
    {
        switch (outcome)
        {
            case Execution.Threw threw:
                return Fail(CellErrors.FromException(threw.Exception, number));
            case Execution.LoadFailed load:
                return Fail(new CellOutput.Error("LoadError", load.Error.Message, [$"Cell {number}: {load.Error.Message}"]));
            case Execution.Returned { Value: { } value and not DisplayedValue } when showsResult:
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
        AbandonGroup();
        var execution = await WithOutputsAsync(() => ExecuteAsync(cell));
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

    /// <summary>Calls a package's static string method for its value (<see cref="CallMethod"/>); what it writes or displays is dropped.</summary>
    public Evaluated Call(CallMethod call)
    {
        var called = WithOutputsAsync(() => Task.FromResult(Invoke(call))).GetAwaiter().GetResult();
        _sink.TakeAll();
        return called switch
        {
            Execution.Returned { Value: string text } => new Evaluated.Value(text),
            Execution.Returned => new Evaluated.Failed($"{call.Type}.{call.Method} gave no value."),
            Execution.Threw threw => new Evaluated.Failed($"the evaluation raised {threw.Exception.GetType().Name}: {threw.Exception.Message}"),
            Execution.LoadFailed load => new Evaluated.Failed(load.Error.Message),
            _ => throw new InvalidOperationException("unknown execution"),
        };
    }

    private static Execution Invoke(CallMethod call)
    {
        MethodInfo? method;
        try
        {
            // Where a #r of the package loads it from: the worker's own context (see NotebookLoadContext).
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(call.Assembly));
            method = assembly.GetType(call.Type)?.GetMethod(call.Method, BindingFlags.Public | BindingFlags.Static, [typeof(string)]);
        }
        catch (Exception error) when (IsLoadError(error))
        {
            return new Execution.LoadFailed(error);
        }
        if (method is null || method.ReturnType != typeof(string))
            return new Execution.LoadFailed(new MissingMethodException($"{call.Assembly} has no public static string {call.Type}.{call.Method}(string)."));
        try
        {
            return new Execution.Returned(method.Invoke(null, [call.Argument]));
        }
        catch (TargetInvocationException error)
        {
            return new Execution.Threw(error.InnerException ?? error);
        }
    }

    // Cell code writes to the cell's outputs while it runs, and to what it wrote to before once it stops.
    private async Task<Execution> WithOutputsAsync(Func<Task<Execution>> run)
    {
        DisplayExtensions.CurrentSink = _sink;
        var previousOut = Console.Out;
        var previousError = Console.Error;
        Console.SetOut(_sink.StandardOutput);
        Console.SetError(_sink.StandardError);
        try
        {
            return await run();
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }

    private async Task<Execution> ExecuteAsync(CompiledCell cell)
    {
        try
        {
            if (Load(cell) is not { } entry) return new Execution.Returned(null);
            try
            {
                return new Execution.Returned(await entry(_states));
            }
            catch (Exception exception)
            {
                return new Execution.Threw(exception);
            }
        }
        catch (Exception error) when (IsLoadError(error))
        {
            return new Execution.LoadFailed(error);
        }
    }

    private async Task<Execution> StartGroupAsync(CompiledCell cell, GroupRun group)
    {
        Func<object?[], Task<object>>? entry;
        try
        {
            entry = Load(cell);
        }
        catch (Exception error) when (IsLoadError(error))
        {
            return new Execution.LoadFailed(error);
        }
        return entry is null ? new Execution.Returned(null) : await group.StartAsync(() => entry(_states));
    }

    // The cell's #r assemblies, then its own; null when it has no code to run.
    private Func<object?[], Task<object>>? Load(CompiledCell cell)
    {
        foreach (var path in cell.LoadPaths)
            _context.LoadReference(path);
        if (cell.Assembly is null) return null;
        var entry = Entry(cell);
        Reserve(cell.Number + 1);
        return entry;
    }

    private static bool IsLoadError(Exception error) => error is BadImageFormatException or FileLoadException or FileNotFoundException;

    // How running a cell's code ended, before its outputs are put together.
    private abstract record Execution
    {
        public sealed record Returned(object? Value) : Execution;

        public sealed record Threw(Exception Exception) : Execution;

        public sealed record LoadFailed(Exception Error) : Execution;

        /// <summary>A cell of a group ended; the group waits to run its next cell.</summary>
        public sealed record AtBoundary : Execution;
    }

    /// <summary>
    /// A cell group while it runs: its code awaits <see cref="CellBoundary.NextAsync"/> at the end of each cell but the
    /// last, where the run pauses until the runner asks for the next cell. Between cells the group's code waits on a
    /// task of this host's, so it goes on, on this thread, when that task completes.
    /// </summary>
    private sealed class GroupRun(IReadOnlyList<int> numbers, bool lastShowsResult)
    {
        private int _current;
        private Task<object>? _code;
        private TaskCompletionSource _ended = new();
        private TaskCompletionSource? _resume;

        public bool Holds(int number) => _current + 1 < numbers.Count && numbers[_current + 1] == number;

        public bool IsLast(int number) => numbers[^1] == number;

        public bool ShowsResult(int number) => lastShowsResult && IsLast(number);

        public async Task<Execution> StartAsync(Func<Task<object>> start)
        {
            CellBoundary.Reached = Reached;
            // What a cell compiled on its own starts with: the worker's context, whatever async locals the cells before it set.
            var context = ExecutionContext.Capture();
            CellBoundary.Entered = context is null ? null : () => ExecutionContext.Restore(context);
            try
            {
                _code = start();
            }
            catch (Exception exception)
            {
                return End(new Execution.Threw(exception));
            }
            return await UntilBoundaryAsync();
        }

        /// <summary>Runs the next cell, which the caller checked with <see cref="Holds"/>.</summary>
        public async Task<Execution> ContinueAsync()
        {
            _current++;
            if (_code is null) return new Execution.Returned(null); // no code to run: its first cell had none either
            if (_code.IsCompleted) return await UntilBoundaryAsync(); // ended early: its code called NextAsync itself
            var resume = _resume!;
            _resume = null;
            _ended = new TaskCompletionSource();
            resume.SetResult(); // the group's code goes on here, on this thread, until its next await
            return await UntilBoundaryAsync();
        }

        // Called by the group's code at the end of a cell: the run pauses there.
        private Task Reached()
        {
            var resume = new TaskCompletionSource();
            _resume = resume;
            _ended.TrySetResult();
            return resume.Task;
        }

        private async Task<Execution> UntilBoundaryAsync()
        {
            var code = _code!;
            await Task.WhenAny(code, _ended.Task);
            if (!code.IsCompleted) return new Execution.AtBoundary();
            try
            {
                return End(new Execution.Returned(await code));
            }
            catch (Exception exception)
            {
                return End(new Execution.Threw(exception));
            }
        }

        private Execution End(Execution outcome)
        {
            if (CellBoundary.Reached == Reached)
            {
                CellBoundary.Reached = null;
                CellBoundary.Entered = null;
            }
            return outcome;
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
