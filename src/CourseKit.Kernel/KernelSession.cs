using CourseKit.Notebooks.Execution;

namespace CourseKit.Kernel;

/// <summary>What one execute request gave: the outputs to publish, and whether the cell failed.</summary>
public sealed record KernelExecution(IReadOnlyList<CellOutput> Outputs, bool Failed);

/// <summary>
/// One notebook as a kernel runs it: a <see cref="CellCompiler"/> that keeps every cell's declarations, and one worker
/// session that keeps their values, so later cells see earlier ones as in a notebook. Student code runs only in the
/// worker; when it is interrupted or crashes, the worker is ended and a fresh one (with a fresh compiler) started, and
/// the notebook's state is gone with it.
/// </summary>
public sealed class KernelSession : IAsyncDisposable
{
    // Starting a worker is not the notebook's time; a worker that cannot start within this is reported.
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly string _directory;
    private readonly PackageCatalog _packages;
    private readonly WorkerPool _workers = new();
    private readonly object _gate = new();
    private CellCompiler _compiler;
    private Task<WorkerClient> _worker;
    private WorkerClient? _running;
    private CancellationTokenSource? _cancel;
    private bool _interrupted;

    /// <param name="packages">What <c>#r "nuget: …"</c> may load; their session resets run when a worker starts.</param>
    public KernelSession(string directory, PackageCatalog packages)
    {
        _directory = directory;
        _packages = packages;
        _ = KernelWarmUp.Start();
        _worker = StartWorkerAsync();
        _compiler = new CellCompiler(directory, packages, _workers.Sandbox);
    }

    public const string StateLost =
        "The notebook's state was lost: its variables, #r references and using lines. Run the set-up cell (the first code cell) and the cells above this one again.";

    private async Task<WorkerClient> StartWorkerAsync()
    {
        var worker = await _workers.RentAsync();
        try
        {
            if (await worker.SendAsync(new StartNotebook(_directory, _packages.SessionResets), StartLimit) is null)
                throw new WorkerCrashedException("the notebook's process did not start in time.");
            return worker;
        }
        catch
        {
            await _workers.ReturnAsync(worker, reusable: false);
            throw;
        }
    }

    /// <summary>
    /// Compiles and runs one cell. Never throws for what the cell does: a crash or an interrupt is an error output.
    /// Each line the cell reads from Console.In is asked of <paramref name="readLine"/> (null is end of input); an
    /// interrupt cancels the question. With <paramref name="partial"/>, the cell's outputs are handed to it while the
    /// cell runs, and the execution holds only the rest.
    /// </summary>
    public async Task<KernelExecution> ExecuteAsync(string code, int cellNumber, Func<InputRequest, CancellationToken, Task<string?>>? readLine = null,
        Action<IReadOnlyList<CellOutput>>? partial = null)
    {
        if (PassiveCell.Outputs(code) is { } passive) return new KernelExecution(passive, Failed: false);

        using var cancel = new CancellationTokenSource();
        lock (_gate)
        {
            _cancel = cancel;
            _interrupted = false;
        }
        try
        {
            await KernelWarmUp.Start();
            var compiled = await _compiler.CompileAsync(code, cellNumber, cancel.Token).WaitAsync(cancel.Token);
            if (compiled.Error is { } error) return new KernelExecution([error], Failed: true);

            WorkerClient worker;
            try
            {
                worker = await _worker.WaitAsync(cancel.Token);
            }
            catch (WorkerCrashedException crash)
            {
                _worker = StartWorkerAsync();
                return Failure("WorkerNotStarted", $"The notebook's process could not start ({crash.Message}). Run the cell again.", cellNumber);
            }
            lock (_gate)
            {
                if (_interrupted) throw new OperationCanceledException();
                _running = worker;
            }
            var response = await worker.SendAsync(new RunCell(compiled.Cell!, TakesInput: readLine is not null, StreamsOutputs: partial is not null),
                Timeout.InfiniteTimeSpan, readLine is null ? null : (asked, _) => readLine(asked, cancel.Token), partial);
            if (response is null) throw new WorkerCrashedException("the notebook's process stopped answering.");
            return new KernelExecution(response.Outputs, response.Failed);
        }
        catch (OperationCanceledException)
        {
            await ReplaceWorkerAsync();
            return Failure("KernelInterrupted", "The cell was interrupted: the kernel ended the notebook's process and started a fresh one. " + StateLost, cellNumber);
        }
        catch (WorkerCrashedException crash)
        {
            var interrupted = _interrupted;
            await ReplaceWorkerAsync();
            return interrupted
                ? Failure("KernelInterrupted", "The cell was interrupted: the kernel ended the notebook's process and started a fresh one. " + StateLost, cellNumber)
                : Failure("WorkerCrashed", $"The cell ended the notebook's process: {crash.Message} The kernel started a fresh one. " + StateLost, cellNumber);
        }
        finally
        {
            lock (_gate)
            {
                _cancel = null;
                _running = null;
            }
        }
    }

    /// <summary>Stops the cell that is compiling or running, if any: the worker is killed. Returns whether one was.</summary>
    public bool Interrupt()
    {
        WorkerClient? running;
        lock (_gate)
        {
            if (_cancel is null) return false;
            _interrupted = true;
            _cancel.Cancel();
            running = _running;
        }
        running?.Kill();
        return true;
    }

    // The old worker's values and the compiler's chain belong together: both start again.
    private async Task ReplaceWorkerAsync()
    {
        var old = _worker;
        _compiler = new CellCompiler(_directory, _packages, _workers.Sandbox);
        _worker = StartWorkerAsync();
        if (old.IsCompletedSuccessfully) await _workers.ReturnAsync(old.Result, reusable: false);
        else _ = old.ContinueWith(t => { if (t.IsCompletedSuccessfully) _ = _workers.ReturnAsync(t.Result, reusable: false); }, TaskScheduler.Default);
    }

    private static KernelExecution Failure(string name, string message, int cellNumber) =>
        new([new CellOutput.Error(name, message, [$"Cell {cellNumber}: {message}"])], Failed: true);

    /// <summary>The compiler's current chain of cells, for completion and inspection.</summary>
    public CellCompiler Compiler => _compiler;

    public ValueTask DisposeAsync() => _workers.DisposeAsync();
}
