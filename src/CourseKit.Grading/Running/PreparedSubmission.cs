using CourseKit.Grading.Isolation;
using CourseKit.Grading.Submissions;
using CourseKit.Checking.NotebookChecks;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Running;

/// <summary>
/// A submission unpacked, with its OWN worker pool (one sandbox, never shared with another student) whose first
/// worker is already started and answering, so grading it starts at once. Disposing ends its workers.
/// </summary>
public sealed class PreparedSubmission : IAsyncDisposable
{
    private PreparedSubmission(UnpackedSubmission unpacked, CheckingWorkers? workers)
    {
        Unpacked = unpacked;
        Workers = workers;
    }

    public UnpackedSubmission Unpacked { get; }

    /// <summary>Null when there is nothing to run (the zip could not be unpacked, or the submission is not gradable).</summary>
    public CheckingWorkers? Workers { get; }

    /// <param name="compiler">Warmed before the worker starts; by default the compiler in this process.</param>
    public static async Task<PreparedSubmission> PrepareAsync(Submission submission, GradingSetup setup, ICompilerHost? compiler = null)
    {
        var unpacked = Unpacker.Unpack(submission, setup.Limits.MaxNotebookBytes);
        if (unpacked.Folder is null || unpacked.NotGradable is not null) return new PreparedSubmission(unpacked, null);
        try
        {
            var sandbox = GradingSandbox.For(unpacked.Folder, setup.Limits);
            return new PreparedSubmission(unpacked, await CheckingWorkers.StartAsync(unpacked.Folder, sandbox, GradingSetup.WarmUpLimit, compiler));
        }
        catch
        {
            unpacked.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Workers is not null) await Workers.DisposeAsync();
        Unpacked.Dispose();
    }
}
