using CourseKit.Grading.Isolation;
using CourseKit.Notebooks.Execution;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Notebooks.Execution;

/// <summary>A worker's processes and threads are capped, so a fork bomb cannot fill the machine's process table.</summary>
public sealed class TaskLimitTests
{
    // Starts sleeping processes until the system refuses one, and shows how many it got.
    private const string StartProcessesUntilRefused =
        "var started = 0;\n" +
        "try { while (started < 300) { System.Diagnostics.Process.Start(\"/bin/sleep\", \"60\"); started++; } }\n" +
        "catch (System.ComponentModel.Win32Exception) { }\n" +
        "started";

    [Fact]
    public async Task A_graded_worker_cannot_start_more_processes_than_its_task_limit_and_the_runner_goes_on()
    {
        using var root = new TempFolder();
        var folder = Path.Combine(root.Path, "submissions", "student");
        Directory.CreateDirectory(folder);
        var limits = GradingLimits.Default with { MaxTasks = 64 };
        await using var workers = new WorkerPool(sandbox: GradingSandbox.For(folder, Path.Combine(root.Path, "submissions"), Path.Combine(root.Path, "out"), limits));

        var result = await new NotebookRunner(workers).RunAsync(folder,
            [new CellToRun(1, "csharp", StartProcessesUntilRefused), new CellToRun(2, "csharp", "1 + 1")], new RunOptions(TimeSpan.FromSeconds(30)));

        if (!TaskLimit.Available)
        {
            Assert.Contains(GradingSandbox.Warnings, w => w.StartsWith("warning: no pids control group can be made here", StringComparison.Ordinal));
            return;
        }
        Assert.True(result.Succeeded, result.Failure?.Reason);
        var started = int.Parse(Shown(result.Executions[0]), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(started, 1, 63); // the worker's own threads count too
        Assert.Equal("2", Shown(result.Executions[1]));
    }

    [Fact]
    public async Task Without_a_task_limit_the_same_cell_starts_every_process_it_asks_for()
    {
        using var folder = new TempFolder();
        await using var workers = new WorkerPool(sandbox: new WorkerSandbox([RepoPaths.Root], [AppContext.BaseDirectory, folder.Path], null));

        var result = await new NotebookRunner(workers).RunAsync(folder.Path,
            [new CellToRun(1, "csharp", StartProcessesUntilRefused)], new RunOptions(TimeSpan.FromSeconds(30)));

        Assert.True(result.Succeeded, result.Failure?.Reason);
        Assert.Equal("300", Shown(result.Executions[0]));
    }

    [Fact]
    public void A_group_is_removed_when_its_worker_is_done()
    {
        using var limit = TaskLimit.Create(8);
        if (limit is null)
        {
            Assert.False(TaskLimit.Available);
            return;
        }
        var folder = Path.GetDirectoryName(limit.JoinFile)!;
        Assert.Equal("8", File.ReadAllText(Path.Combine(folder, "pids.max")).Trim());
        limit.Dispose();
        Assert.False(Directory.Exists(folder));
    }

    private static string Shown(CellExecution execution) =>
        Assert.IsType<CellOutput.Display>(Assert.Single(execution.Outputs)).Data[MimeTypes.PlainText];
}
