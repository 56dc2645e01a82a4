namespace CourseKit.Grading.Isolation;

/// <summary>
/// The limits every submission runs under. <see cref="MaxTasks"/> bounds the processes and threads of a submission's
/// worker at once: a worker needs about 10, so only code that starts processes or threads without end reaches it.
/// <para>
/// Memory: a submission's worker may hold <see cref="MemoryMegabytes"/> of .NET heap (an address-space cap bounds what
/// it allocates outside the heap too) and <see cref="TmpMegabytes"/> in its private <c>/tmp</c>, which is memory
/// (tmpfs) but outside the worker's address space. So a submission's memory budget is
/// <see cref="MemoryBudgetBytes"/> = heap limit + <c>/tmp</c> cap, and a run may hold <see cref="Parallel"/> budgets
/// at once, plus each worker's runtime (about 100 MB) and the grader's own memory.
/// </para>
/// <para>
/// <see cref="MaxNotebookMegabytes"/> caps an exercise notebook's file (a zip entry's unpacked size too): a larger
/// one is never read, and its submission is not gradable.
/// </para>
/// </summary>
public sealed record GradingLimits(TimeSpan CellTimeLimit, TimeSpan SubmissionTimeLimit, int MemoryMegabytes, int Parallel = 2, int MaxTasks = 256,
    int TmpMegabytes = GradingLimits.DefaultTmpMegabytes, int MaxNotebookMegabytes = GradingLimits.DefaultMaxNotebookMegabytes)
{
    /// <summary>Course notebooks write nothing to /tmp; this leaves room for a student's scratch files at little memory.</summary>
    public const int DefaultTmpMegabytes = 64;

    /// <summary>
    /// An exercise notebook is 7–17 KB as handed out; saved with outputs it grows by its charts, each at most a copy of
    /// plotly.js (3–4 MB) where a front end embeds it, so 20 MB leaves room for a few such charts and refuses what no
    /// student writes by hand, long before it could strain the grader's memory.
    /// </summary>
    public const int DefaultMaxNotebookMegabytes = 20;

    /// <summary>The highest cap the grader accepts: parsing a notebook takes several times its size, and one is parsed per submission graded at once.</summary>
    public const int MaxNotebookMegabytesAllowed = 100;

    /// <summary>
    /// Submissions graded at once by default: one more than the cores. A submission's slot also waits (for its cells to
    /// compile in the shared compiler process, for its worker's answers), and the extra one keeps every core busy then:
    /// on 2 cores, 200 submissions took 8.5–8.7 s with 3 at a time against 8.9–9.2 s with 2, and 8.5–9.7 s with 4
    /// (bench/README.md).
    /// </summary>
    public static int DefaultParallel => Environment.ProcessorCount + 1;

    public static GradingLimits Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120), 512, Parallel: DefaultParallel);

    public long MemoryBytes => MemoryMegabytes * 1024L * 1024;

    public long TmpBytes => TmpMegabytes * 1024L * 1024;

    public long MaxNotebookBytes => MaxNotebookMegabytes * 1024L * 1024;

    /// <summary>What one submission may hold in memory: its heap limit plus its /tmp cap.</summary>
    public long MemoryBudgetBytes => MemoryBytes + TmpBytes;
}
