using System.Threading.Channels;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Keeps started workers for reuse: starting a worker is the slowest part of a short notebook. A worker that timed out or crashed is never reused.
/// </summary>
public sealed class WorkerPool : IAsyncDisposable
{
    private readonly Channel<WorkerClient> _idle = Channel.CreateUnbounded<WorkerClient>();
    private readonly string? _workerPath;
    private readonly WorkerSandbox? _sandbox;
    private readonly List<WorkerClient> _started = [];
    private bool _stopped;

    public WorkerPool(string? workerPath = null, WorkerSandbox? sandbox = null)
    {
        _workerPath = workerPath;
        _sandbox = sandbox;
    }

    /// <summary>How this pool's workers are confined; the runner reads files for them by the same rules.</summary>
    public WorkerSandbox Sandbox => _sandbox ?? WorkerSandbox.None;

    /// <summary>An idle worker, else a newly started one. Throws <see cref="WorkerCrashedException"/> once <see cref="KillAll"/> was called.</summary>
    public ValueTask<WorkerClient> RentAsync()
    {
        lock (_started)
        {
            if (_stopped) throw new WorkerCrashedException("the notebook's workers were stopped.");
            if (_idle.Reader.TryRead(out var worker)) return ValueTask.FromResult(worker);
            worker = WorkerClient.Start(_workerPath, _sandbox);
            _started.Add(worker);
            return ValueTask.FromResult(worker);
        }
    }

    /// <summary>
    /// Kills every worker this pool started, rented ones too, and starts no more: a cell running in one then fails
    /// as a crash, and a run that had not yet rented its worker fails at once. The grader uses it to end a
    /// submission that overran its time limit.
    /// </summary>
    public void KillAll()
    {
        WorkerClient[] started;
        lock (_started)
        {
            _stopped = true;
            started = [.. _started];
        }
        foreach (var worker in started) worker.Kill();
    }

    /// <summary>
    /// Readies the pool for a notebook in <paramref name="directory"/> before it is asked to run one: the compiler's
    /// first use is paid here, and one worker is started and answering, so neither counts against a cell's time limit.
    /// Returns false when that worker could not start a session in time; the run that rents next starts another and
    /// reports what goes wrong there.
    /// </summary>
    public async Task<bool> StartAheadAsync(string directory, TimeSpan limit, ICompilerHost? compiler = null)
    {
        // Both at once: while the compiler warms up (a grading run's first second), its first workers start on the other cores.
        var warming = (compiler ?? InProcessCompiler.Instance).WarmUpAsync();
        try
        {
            return await StartOneAheadAsync(directory, limit);
        }
        finally
        {
            await warming;
        }
    }

    private async Task<bool> StartOneAheadAsync(string directory, TimeSpan limit)
    {
        var worker = await RentAsync();
        var healthy = false;
        try
        {
            // No resets: the notebook that rents this worker first starts its own session, resets and all.
            healthy = await worker.SendAsync(new StartNotebook(directory, Resets: []), limit) is { Failed: false };
        }
        catch (WorkerCrashedException)
        {
        }
        await ReturnAsync(worker, healthy && !worker.HasExited);
        return healthy;
    }

    public async ValueTask ReturnAsync(WorkerClient worker, bool reusable)
    {
        if (reusable)
        {
            await _idle.Writer.WriteAsync(worker);
            return;
        }
        lock (_started) _started.Remove(worker);
        await worker.DisposeAsync();
    }

    /// <summary>Ends every worker this pool started, idle or still rented (a run that failed may never have returned its own).</summary>
    public async ValueTask DisposeAsync()
    {
        _idle.Writer.TryComplete();
        while (_idle.Reader.TryRead(out _)) { }
        WorkerClient[] started;
        lock (_started) started = [.. _started];
        foreach (var worker in started) await worker.DisposeAsync();
    }
}
