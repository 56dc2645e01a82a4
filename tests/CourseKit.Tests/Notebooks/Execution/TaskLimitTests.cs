using CourseKit.Grading.Isolation;
using CourseKit.Notebooks.Execution;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Notebooks.Execution;

/// <summary>A worker's processes and threads are capped, so a fork bomb cannot fill the machine's process table.</summary>
[Trait("Category", "Slow")]
public sealed class TaskLimitTests
{
    // Starts sleeping processes until the system refuses one, and shows how many it got.
    private const string StartProcessesUntilRefused =
        "var started = 0;\n" +
        "try { while (started < 300) { System.Diagnostics.Process.Start(\"/bin/sleep\", \"60\"); started++; } }\n" +
        "catch (System.ComponentModel.Win32Exception) { }\n" +
        "started";

    private const string NoGroups = "no pids control group can be made on this machine (it needs root or a delegated cgroup), so a task limit cannot be checked here";

    [SkippableFact]
    public void Where_no_group_can_be_made_the_grader_says_so()
    {
        Skip.If(TaskLimit.Available, "control groups can be made here, so the grader has nothing to warn about");
        using var root = new TempFolder();
        var folder = Path.Combine(root.Path, "submissions", "student");
        Directory.CreateDirectory(folder);

        GradingSandbox.For(folder, GradingLimits.Default);

        Assert.Contains(GradingSandbox.Warnings, w => w.StartsWith("warning: no pids control group can be made here", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_graded_worker_cannot_start_more_processes_than_its_task_limit_and_the_runner_goes_on()
    {
        Skip.IfNot(TaskLimit.Available, NoGroups);
        using var root = new TempFolder();
        var folder = Path.Combine(root.Path, "submissions", "student");
        Directory.CreateDirectory(folder);
        var limits = GradingLimits.Default with { MaxTasks = 64 };
        // The allowlist holds no programs; this test lets the worker start /bin/sleep.
        var sandbox = GradingSandbox.For(folder, limits);
        await using var workers = new WorkerPool(sandbox: sandbox with { ReadablePaths = [.. sandbox.ReadablePaths, "/bin/sleep"] });

        var result = await new NotebookRunner(workers).RunAsync(folder,
            [new CellToRun(1, "csharp", StartProcessesUntilRefused), new CellToRun(2, "csharp", "1 + 1")], new RunOptions(TimeSpan.FromSeconds(30)));

        Assert.True(result.Succeeded, result.Failure?.Reason);
        var started = int.Parse(Shown(result.Executions[0]), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(started, 1, 63); // the worker's own threads count too
        Assert.Equal("2", Shown(result.Executions[1]));
    }

    [Fact]
    public async Task Without_a_task_limit_the_same_cell_starts_every_process_it_asks_for()
    {
        using var folder = new TempFolder();
        await using var workers = new WorkerPool(sandbox: new WorkerSandbox([folder.Path, "/bin/sleep"], null));

        var result = await new NotebookRunner(workers).RunAsync(folder.Path,
            [new CellToRun(1, "csharp", StartProcessesUntilRefused)], new RunOptions(TimeSpan.FromSeconds(30)));

        Assert.True(result.Succeeded, result.Failure?.Reason);
        Assert.Equal("300", Shown(result.Executions[0]));
    }

    [SkippableFact]
    public async Task Without_bubblewrap_a_process_that_detached_itself_still_ends_with_its_worker()
    {
        Skip.IfNot(TaskLimit.Available, NoGroups);
        using var folder = new TempFolder();
        var workers = new WorkerPool(sandbox: new WorkerSandbox([folder.Path], null, UseBubblewrap: false, MaxTasks: 64));
        const string detach =
            "var shell = new System.Diagnostics.ProcessStartInfo(\"/bin/sh\") { RedirectStandardOutput = true };\n" +
            "foreach (var a in new[] { \"-c\", \"setsid /bin/sleep 123 </dev/null >/dev/null 2>&1 & echo $!\" }) shell.ArgumentList.Add(a);\n" +
            "System.Diagnostics.Process.Start(shell)!.StandardOutput.ReadLine()";

        var result = await new NotebookRunner(workers).RunAsync(folder.Path, [new CellToRun(1, "csharp", detach)], new RunOptions(TimeSpan.FromSeconds(30)));
        var sleeper = int.Parse(Shown(Assert.Single(result.Executions)), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Alive(sleeper), "the detached process should run until its worker ends");
        var group = Path.Combine(TaskLimit.GroupsFolder!, GroupOf(sleeper));
        Assert.True(Directory.Exists(group), group);

        await workers.DisposeAsync();

        Assert.False(Alive(sleeper), "the detached process outlived its worker");
        Assert.False(Directory.Exists(group), $"{group} was left behind");
    }

    // The name of the pids group a process is in: from its "pids" line under cgroup v1, its "0::" line under v2.
    private static string GroupOf(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/cgroup").Select(l => l.Split(':', 3)).ToList();
        var line = lines.FirstOrDefault(l => l[1].Split(',').Contains("pids")) ?? lines.Single(l => l[0] == "0");
        return Path.GetFileName(line[2]);
    }

    // A process that ended but was not yet reaped still has a /proc entry, in state Z.
    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')')..].Split(' ')[1] != "Z";
        }
        catch (IOException)
        {
            return false;
        }
    }

    [SkippableFact]
    public void A_group_is_removed_when_its_worker_is_done()
    {
        Skip.IfNot(TaskLimit.Available, NoGroups);
        using var limit = TaskLimit.Create(8);
        Assert.NotNull(limit);
        var folder = Path.GetDirectoryName(limit.JoinFile)!;
        Assert.Equal("8", File.ReadAllText(Path.Combine(folder, "pids.max")).Trim());
        limit.Dispose();
        Assert.False(Directory.Exists(folder));
    }

    private static string Shown(CellExecution execution) =>
        Assert.IsType<CellOutput.Display>(Assert.Single(execution.Outputs)).Data[MimeTypes.PlainText];
}

/// <summary>A grader killed mid-run leaves its workers' groups behind; the next grader on the machine removes them.</summary>
[Trait("Category", "Slow")]
public sealed class AbandonedTaskLimitTests
{
    [SkippableFact]
    public async Task The_groups_of_a_grader_that_was_killed_are_removed_by_the_next_one()
    {
        Skip.IfNot(TaskLimit.Available, "no pids control group can be made on this machine, so a killed grader leaves none behind to remove");
        using var root = new TempFolder();
        var student = Path.Combine(root.Path, "submissions", "sleeper");
        Directory.CreateDirectory(student);
        var notebook = CourseKit.Notebooks.Documents.Notebook.Load(CourseKit.Tests.Grading.FixtureClass.Source(CourseKit.Tests.Grading.FixtureClass.Lesson1));
        CourseKit.Tests.Grading.FixtureClass.Cell(notebook, "L1.E1", CourseKit.Checking.Cells.CellRoles.Solution).Source = "System.Threading.Thread.Sleep(120_000);";
        notebook.Save(Path.Combine(student, CourseKit.Tests.Grading.FixtureClass.Lesson1));

        using var grader = CliProcess.Start("grade", Path.Combine(root.Path, "submissions"), "--out", Path.Combine(root.Path, "out"));
        string[] left = [];
        for (var tries = 0; tries < 300 && left.Length == 0; tries++)
        {
            await Task.Delay(100);
            left = Directory.GetDirectories(TaskLimit.GroupsFolder!).Where(d => Path.GetFileName(d).Split('.').ElementAtOrDefault(1) == grader.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }
        Assert.NotEmpty(left);
        grader.Kill(); // the grader itself only, as a crash or an OOM kill would
        await grader.WaitForExitAsync();
        Assert.All(left, d => Assert.True(Directory.Exists(d)));

        Directory.CreateDirectory(Path.Combine(root.Path, "empty-class"));
        var next = await CliProcess.RunAsync("grade", Path.Combine(root.Path, "empty-class"), "--out", Path.Combine(root.Path, "out2"));

        Assert.All(left, d => Assert.False(Directory.Exists(d), $"{d} was left behind (the next grader exited {next.ExitCode})"));
    }
}
