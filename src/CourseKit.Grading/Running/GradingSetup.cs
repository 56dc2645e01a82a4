using CourseKit.Grading.Isolation;

namespace CourseKit.Grading.Running;

/// <summary>What every submission of one run shares: where the class and the outputs are, and the limits.</summary>
public sealed record GradingSetup(string SubmissionsDir, string OutDir, GradingLimits Limits)
{
    /// <summary>How long a sandboxed worker may take to start and answer its first request.</summary>
    public static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(60);
}
