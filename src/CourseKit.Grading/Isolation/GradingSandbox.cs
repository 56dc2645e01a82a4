using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Isolation;

/// <summary>
/// The sandbox of one submission, an allowlist (see <see cref="SandboxMounts"/>): the runtime, the worker's own files
/// and the student-visible kit assemblies it ships, this student's folder read-only, and a private <c>/tmp</c> of
/// <see cref="GradingLimits.TmpMegabytes"/>. The course repository, instructor-only assemblies, other submissions and
/// the output folder are simply not on it.
/// </summary>
public static class GradingSandbox
{
    /// <summary>The instructor-only assemblies: never among the files a worker may read.</summary>
    public const string InstructorOnlyPrefix = "CourseKit.Exercises.Hidden.";

    public static WorkerSandbox For(string studentFolder, GradingLimits limits)
    {
        RefuseInstructorFiles(WorkerClient.DefaultWorkerPath);
        return new WorkerSandbox([studentFolder], limits.MemoryBytes, MaxTasks: limits.MaxTasks, TmpBytes: limits.TmpBytes);
    }

    /// <summary>
    /// Stops grading when the worker's files would include an instructor-only assembly (a reference added to the worker
    /// by mistake): the allowlist holds what the worker ships, so it must ship nothing the students may not read.
    /// </summary>
    public static void RefuseInstructorFiles(string workerPath)
    {
        if (!File.Exists(workerPath)) return; // starting the worker reports a missing one
        var leaked = AppFiles.Of(workerPath).FirstOrDefault(f => Path.GetFileName(f).StartsWith(InstructorOnlyPrefix, StringComparison.Ordinal));
        if (leaked is not null)
            throw new GradingException($"the worker {workerPath} ships the instructor-only file {leaked}, which every submission could then read; remove the reference that brings it into the worker and build again.");
    }

    /// <summary>What a worker's runtime holds besides its heap and /tmp (code, stacks, mapped assemblies), about.</summary>
    public const long WorkerRuntimeBytes = 100L * 1024 * 1024;

    /// <summary>
    /// A warning when the submissions graded at once could, each using its whole memory budget
    /// (<see cref="GradingLimits.MemoryBudgetBytes"/>), take more than <paramref name="availableBytes"/>; null otherwise.
    /// </summary>
    public static string? MemoryWarning(GradingLimits limits, long availableBytes)
    {
        const long Megabyte = 1024 * 1024;
        var needed = limits.Parallel * (limits.MemoryBudgetBytes + WorkerRuntimeBytes);
        return needed <= availableBytes ? null
            : $"warning: {limits.Parallel} submissions graded at once may hold {needed / Megabyte} MB ({limits.MemoryMegabytes} MB heap + {limits.TmpMegabytes} MB /tmp + about {WorkerRuntimeBytes / Megabyte} MB of runtime each), more than the {availableBytes / Megabyte} MB available here; lower --parallel, --memory-mb or --tmp-mb.";
    }

    /// <summary>The lines printed once when submissions cannot be fully confined here; empty when they can.</summary>
    public static IReadOnlyList<string> Warnings
    {
        get
        {
            var warnings = new List<string>();
            if (!WorkerSandbox.BubblewrapAvailable)
                warnings.Add("warning: bubblewrap is not available, so submissions run as separate processes with time and memory limits but without a file-system or network sandbox.");
            if (!TaskLimit.Available)
                warnings.Add("warning: no pids control group can be made here (it needs root or a delegated cgroup), so a submission that starts processes without end is stopped only by its time limit.");
            return warnings;
        }
    }
}
