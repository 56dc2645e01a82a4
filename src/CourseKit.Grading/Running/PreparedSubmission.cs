using CourseKit.Grading.Isolation;
using CourseKit.Grading.Submissions;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Running;

/// <summary>
/// A submission unpacked, with its OWN worker pool (one sandbox, never shared with another student) whose first
/// worker is already started and answering, so grading it starts at once. Disposing ends its workers.
/// </summary>
public sealed class PreparedSubmission : IAsyncDisposable
{
    private PreparedSubmission(UnpackedSubmission unpacked, WorkerPool? workers)
    {
        Unpacked = unpacked;
        Workers = workers;
    }

    public UnpackedSubmission Unpacked { get; }

    /// <summary>Null when there is nothing to run (the zip could not be unpacked).</summary>
    public WorkerPool? Workers { get; }

    public static async Task<PreparedSubmission> PrepareAsync(Submission submission, GradingSetup setup)
    {
        var unpacked = Unpacker.Unpack(submission);
        if (unpacked.Folder is null) return new PreparedSubmission(unpacked, null);
        await CellCompiler.WarmUpAsync(); // the compiler's first use is the grader's time, not the first student's
        var workers = new WorkerPool(sandbox: GradingSandbox.For(unpacked.Folder, setup.SubmissionsDir, setup.OutDir, setup.Limits));
        try
        {
            var worker = await workers.RentAsync();
            var healthy = false;
            try
            {
                healthy = await worker.SendAsync(new StartNotebook(unpacked.Folder, Resets: []), GradingSetup.WarmUpLimit) is { Failed: false };
            }
            catch (WorkerCrashedException)
            {
                // The grader starts a fresh worker for the first notebook and reports what goes wrong there.
            }
            await workers.ReturnAsync(worker, healthy && !worker.HasExited);
            return new PreparedSubmission(unpacked, workers);
        }
        catch
        {
            await workers.DisposeAsync(); // ends the worker that failed to start too
            unpacked.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Workers is not null)
        {
            Workers.KillAll();
            await Workers.DisposeAsync();
        }
        Unpacked.Dispose();
    }
}
