using CourseKit.Notebooks.Execution;

namespace CourseKit.Tests.Notebooks.Execution;

/// <summary>
/// The grader kills a submission's workers when it overruns its time limit, at any moment of a run. Whatever the
/// runner was doing then, the run must end as a failure it reports, never as an exception out of the run.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StoppedWorkerTests
{
    private static readonly IReadOnlyList<CellToRun> Cells = [new(1, "csharp", "var never = 1;")];

    [Fact]
    public async Task A_worker_that_dies_before_the_notebook_starts_fails_the_run_with_the_reason()
    {
        await using var workers = new WorkerPool();
        var worker = await workers.RentAsync();
        await workers.ReturnAsync(worker, reusable: true);
        worker.Kill(); // dies while idle: the next run rents it and its start request finds it gone

        var result = await new NotebookRunner(workers).RunAsync(AppContext.BaseDirectory, Cells, RunOptions.Default);

        Assert.False(result.Succeeded);
        Assert.Null(result.Failure!.CellNumber);
        Assert.Equal("the notebook's process ended unexpectedly (it was stopped by the runner).", result.Failure.Reason);
        Assert.Empty(result.Executions);
    }

    [Fact]
    public async Task After_its_workers_are_killed_a_pool_starts_no_more_and_a_run_fails_with_the_reason()
    {
        await using var workers = new WorkerPool();
        workers.KillAll();

        var result = await new NotebookRunner(workers).RunAsync(AppContext.BaseDirectory, Cells, RunOptions.Default);

        Assert.False(result.Succeeded);
        Assert.Equal(RunFailure.NotStarted("the notebook's workers were stopped."), result.Failure);
        Assert.Empty(result.Executions);
    }
}
