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
        // Each job claims an idle thread or starts one, so no job waits behind a compilation that never ends.
        while (true)
        {
            var idle = Volatile.Read(ref _idle);
            if (idle == 0)
            {
                Start();
                break;
            }
            if (Interlocked.CompareExchange(ref _idle, idle - 1, idle) == idle) break;
        }
        return job;
    }

    private static void Start() =>
        new Thread(() =>
        {
            while (true)
            {
                Work.Take().Run();
                Interlocked.Increment(ref _idle);
            }
        }, StackBytes) { IsBackground = true, Name = "CourseKit cell compiler" }.Start();
}

/// <summary>
/// One compilation on a <see cref="CompilerThreads"/> thread. A job abandoned before its turn never runs. One abandoned
/// while running goes on until Roslyn ends it: Roslyn does not notice cancellation everywhere (overload resolution
/// of nested lambdas can run for hours), and a thread cannot be stopped from outside. (A lower priority for that
/// thread would not help: the garbage collector waits for it, and every other thread with it.)
/// </summary>
internal sealed class CompileJob(Action work)
{
    private volatile bool _abandoned;

    public void Run()
    {
        if (!_abandoned) work();
    }

    public void Abandon() => _abandoned = true;
}
