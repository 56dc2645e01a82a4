using CourseKit.Exercises.Model;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Checking.NotebookChecks;

/// <summary>
/// The workers that check one person's notebooks: confined by one sandbox, started ahead of the first check, and
/// stopped at once when that person's time is up. What grading needs of the runner, and all it sees of it.
/// </summary>
public sealed class CheckingWorkers : IAsyncDisposable
{
    private readonly WorkerPool _pool;

    private CheckingWorkers(WorkerPool pool) => _pool = pool;

    /// <summary>Starts the pool and its first worker for notebooks in <paramref name="directory"/>.</summary>
    public static async Task<CheckingWorkers> StartAsync(string directory, WorkerSandbox sandbox, TimeSpan startLimit, ICompilerHost? compiler = null)
    {
        var pool = new WorkerPool(sandbox: sandbox);
        try
        {
            await pool.StartAheadAsync(directory, startLimit, compiler);
            return new CheckingWorkers(pool);
        }
        catch
        {
            await pool.DisposeAsync(); // ends the worker that failed to start too
            throw;
        }
    }

    public NotebookChecker Checker(InstructorChecks instructor, RunOptions options) => new(_pool, instructor, options);

    /// <summary>Ends every worker now, a check under way too (it then reports a crash), and starts no more.</summary>
    public void Stop() => _pool.KillAll();

    public async ValueTask DisposeAsync()
    {
        Stop();
        await _pool.DisposeAsync();
    }
}
