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

    private static readonly BlockingCollection<Action> Work = new();
    private static int _idle;

    public static void Run(Action work)
    {
        Work.Add(work);
        if (Volatile.Read(ref _idle) == 0) Start();
    }

    private static void Start() =>
        new Thread(() =>
        {
            while (true)
            {
                Interlocked.Increment(ref _idle);
                var work = Work.Take();
                Interlocked.Decrement(ref _idle);
                work();
            }
        }, StackBytes) { IsBackground = true, Name = "CourseKit cell compiler" }.Start();
}
