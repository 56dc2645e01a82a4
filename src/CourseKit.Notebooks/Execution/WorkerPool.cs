using System.Threading.Channels;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Keeps started workers for reuse: starting a worker and warming up the compiler is the slowest
/// part of a short notebook. A worker that timed out or crashed is never reused.
/// </summary>
public sealed class WorkerPool : IAsyncDisposable
{
    private readonly Channel<WorkerClient> _idle = Channel.CreateUnbounded<WorkerClient>();
    private readonly string? _workerPath;
    private readonly WorkerSandbox? _sandbox;

    public WorkerPool(string? workerPath = null, WorkerSandbox? sandbox = null)
    {
        _workerPath = workerPath;
        _sandbox = sandbox;
    }

    public ValueTask<WorkerClient> RentAsync() =>
        _idle.Reader.TryRead(out var worker) ? ValueTask.FromResult(worker) : ValueTask.FromResult(WorkerClient.Start(_workerPath, _sandbox));

    public async ValueTask ReturnAsync(WorkerClient worker, bool reusable)
    {
        if (reusable) await _idle.Writer.WriteAsync(worker);
        else await worker.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _idle.Writer.TryComplete();
        while (_idle.Reader.TryRead(out var worker))
            await worker.DisposeAsync();
    }
}
