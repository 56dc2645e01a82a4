using System.Collections.Concurrent;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Long-lived threads with a deep stack for the compiler. Kept and reused, because making and freeing a stack this
/// size for every cell costs more than compiling a small cell; a new one starts whenever none is free, so a cell
/// whose compilation was abandoned at its time limit never holds up the others.
/// </summary>
internal static class CompilerThreads
{
    private const int StackBytes = 512 * 1024 * 1024;

    private static readonly BlockingCollection<CompileJob> Work = new();
    private static int _idle;

    /// <summary>Queues <paramref name="work"/>; abandon the returned job when its result is no longer wanted.</summary>
    public static CompileJob Run(Action work)
    {
        var job = new CompileJob(work);
        Work.Add(job);
        if (Volatile.Read(ref _idle) == 0) Start();
        return job;
    }

    private static void Start() =>
        new Thread(() =>
        {
            var threadId = ThreadNice.CurrentThreadId();
            while (true)
            {
                Interlocked.Increment(ref _idle);
                var job = Work.Take();
                Interlocked.Decrement(ref _idle);
                if (!job.RunOn(threadId)) return; // its nice value cannot be trusted to be restored: let the thread go
            }
        }, StackBytes) { IsBackground = true, Name = "CourseKit cell compiler" }.Start();
}

/// <summary>
/// One compilation on a <see cref="CompilerThreads"/> thread. Roslyn does not notice cancellation everywhere (overload
/// resolution of nested lambdas can run for hours), so an abandoned job may go on running: its thread is then given
/// the idle nice value, so it only uses CPU time the grader and the workers leave over, and it ends with the job.
/// </summary>
internal sealed class CompileJob(Action work)
{
    private readonly object _gate = new();
    private int _threadId;
    private bool _running;
    private bool _abandoned;

    /// <summary>Runs the job unless it was abandoned first; false when the thread should end afterwards.</summary>
    public bool RunOn(int threadId)
    {
        lock (_gate)
        {
            if (_abandoned) return true;
            (_threadId, _running) = (threadId, true);
        }
        work();
        lock (_gate)
        {
            _running = false;
            return !_abandoned;
        }
    }

    public void Abandon()
    {
        lock (_gate)
        {
            if (_abandoned) return;
            _abandoned = true;
            if (_running) ThreadNice.Set(_threadId, ThreadNice.Idle);
        }
    }
}
