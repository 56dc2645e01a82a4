using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Isolation;

/// <summary>
/// The sandbox of one submission: the course repository (instructor sources, hidden checks), the class's
/// submissions and the output folder are hidden; the worker's own folder and this student's folder stay
/// readable, and the hidden-checks assembly next to the worker cannot be opened.
/// </summary>
public static class GradingSandbox
{
    public const string HiddenChecksAssembly = "CourseKit.Exercises.Hidden.dll";

    public static WorkerSandbox For(string studentFolder, string submissionsDir, string outDir, GradingLimits limits)
    {
        var hidden = new List<string> { submissionsDir, outDir };
        hidden.AddRange(RepositoryRoots());
        var assembly = Path.Combine(AppContext.BaseDirectory, HiddenChecksAssembly);
        if (File.Exists(assembly)) hidden.Add(assembly);
        return new WorkerSandbox(hidden, [AppContext.BaseDirectory, studentFolder], limits.MemoryBytes, MaxTasks: limits.MaxTasks);
    }

    /// <summary>The course repository holding the grader, and the one the grader was started in.</summary>
    public static IEnumerable<string> RepositoryRoots() =>
        new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }
            .Select(FindRoot).OfType<string>().Distinct();

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CourseKit.sln"))) return dir.FullName;
        }
        return null;
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
