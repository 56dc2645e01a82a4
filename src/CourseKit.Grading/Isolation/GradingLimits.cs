namespace CourseKit.Grading.Isolation;

/// <summary>The limits every submission runs under.</summary>
public sealed record GradingLimits(TimeSpan CellTimeLimit, TimeSpan SubmissionTimeLimit, int MemoryMegabytes, int Parallel = 2)
{
    public static GradingLimits Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120), 512);

    public long MemoryBytes => MemoryMegabytes * 1024L * 1024;
}
