using System.Runtime.InteropServices;

namespace CourseKit.Notebooks.Execution;

/// <summary>Linux scheduling priority of single threads: a thread's nice value can be set by its kernel thread id.</summary>
internal static class ThreadNice
{
    /// <summary>The nice value that leaves a thread only the CPU time nothing else wants.</summary>
    public const int Idle = 19;

    private const int PrioProcess = 0;

    /// <summary>The calling thread's kernel id, or 0 where there is none to use.</summary>
    public static int CurrentThreadId() => OperatingSystem.IsLinux() ? gettid() : 0;

    /// <summary>Sets the nice value of the thread with kernel id <paramref name="threadId"/>; false when it could not.</summary>
    public static bool Set(int threadId, int nice) => threadId != 0 && setpriority(PrioProcess, threadId, nice) == 0;

    [DllImport("libc")]
    private static extern int gettid();

    [DllImport("libc")]
    private static extern int setpriority(int which, int who, int prio);
}
