namespace CourseKit.Grading.Isolation;

/// <summary>
/// The limits every submission runs under. <see cref="MaxTasks"/> bounds the processes and threads of a submission's
/// worker at once: a worker needs about 10, so only code that starts processes or threads without end reaches it.
/// </summary>
public sealed record GradingLimits(TimeSpan CellTimeLimit, TimeSpan SubmissionTimeLimit, int MemoryMegabytes, int Parallel = 2, int MaxTasks = 256)
{
    public static GradingLimits Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120), 512);

    public long MemoryBytes => MemoryMegabytes * 1024L * 1024;
}
