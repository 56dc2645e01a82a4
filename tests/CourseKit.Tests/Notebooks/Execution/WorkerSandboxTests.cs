using CourseKit.Notebooks.Execution;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Notebooks.Execution;

[Trait("Category", "Slow")]
public class WorkerSandboxTests : IAsyncLifetime
{
    private readonly TempFolder _secrets = new();
    private readonly TempFolder _submission = new();
    private WorkerPool _workers = null!;

    public Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_secrets.Path, "hidden-checks.txt"), "expected answer: 42");
        File.WriteAllText(Path.Combine(_submission.Path, "mine.txt"), "my notes");
        _workers = new WorkerPool(sandbox: new WorkerSandbox(
            ReadablePaths: [_submission.Path],
            MemoryLimitBytes: 256L * 1024 * 1024));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _workers.DisposeAsync();
        _secrets.Dispose();
        _submission.Dispose();
    }

    private Task<NotebookRunResult> Run(params string[] cells) =>
        new NotebookRunner(_workers).RunAsync(_submission.Path,
            cells.Select((c, i) => new CellToRun(i + 1, "csharp", c)).ToList(), new RunOptions(TimeSpan.FromSeconds(30)));

    [Fact]
    public async Task Memory_allocated_outside_the_dotnet_heap_is_capped_too()
    {
        // Untouched blocks cost address space only, so without the cap this stops at 3 GiB without using real memory.
        var result = await Run(
            "var megabytes = 0L;\n" +
            "try { while (megabytes < 3072) { System.Runtime.InteropServices.Marshal.AllocHGlobal(64 << 20); megabytes += 64; } }\n" +
            "catch (OutOfMemoryException) { }\n" +
            "megabytes");

        Assert.True(result.Succeeded, result.Failure?.Reason);
        var megabytes = long.Parse(Shown(result), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(megabytes, 64, 2047);
    }

    private static string Shown(NotebookRunResult result) =>
        string.Join("\n", result.Executions.SelectMany(e => e.Outputs).Select(o => o switch
        {
            CellOutput.Display d => d.Data[MimeTypes.PlainText],
            CellOutput.Error e => e.Name + ": " + e.Value,
            CellOutput.Stream s => s.Text,
            _ => "",
        }));

    [Fact]
    public async Task Notebook_code_has_no_capabilities_so_it_cannot_mount_what_is_not_on_the_allowlist()
    {
        var secret = Path.Combine(_secrets.Path, "hidden-checks.txt");
        var result = await Run(
            "System.IO.File.ReadAllLines(\"/proc/self/status\").Single(l => l.StartsWith(\"CapEff:\")).Split('\\t')[1]",
            // No mount program is on the allowlist either; the cell goes on either way.
            $"foreach (var folder in new[] {{ @\"{_secrets.Path}\", @\"{RepoPaths.Root}\" }})\n" +
            "    try { System.Diagnostics.Process.Start(\"/bin/mount\", new[] { \"--bind\", \"/\", folder })!.WaitForExit(); } catch (System.ComponentModel.Win32Exception) { }",
            $"System.IO.File.Exists(@\"{secret}\") || System.IO.File.Exists(@\"{RepoPaths.Combine("CourseKit.sln")}\")");

        Assert.True(result.Succeeded, result.Failure?.Reason);
        Assert.Equal("0000000000000000\nFalse", Shown(result));
    }

    [Fact]
    public async Task Notebook_code_sees_none_of_the_runners_environment()
    {
        Environment.SetEnvironmentVariable("COURSEKIT_TEST_INSTRUCTOR_TOKEN", "secret-token");
        try
        {
            var result = await Run("Environment.GetEnvironmentVariable(\"COURSEKIT_TEST_INSTRUCTOR_TOKEN\") ?? \"unset\"");

            Assert.Equal("unset", Shown(result));
        }
        finally
        {
            Environment.SetEnvironmentVariable("COURSEKIT_TEST_INSTRUCTOR_TOKEN", null);
        }
    }

    [Fact]
    public void Bubblewrap_is_available_here()
    {
        Assert.True(WorkerSandbox.BubblewrapAvailable, "bubblewrap is missing: apt-get install bubblewrap (.ci/run does this).");
    }

    [Fact]
    public async Task Folders_off_the_allowlist_do_not_exist_and_the_own_folder_is_readable()
    {
        var result = await Run(
            $"System.IO.File.Exists(@\"{Path.Combine(_secrets.Path, "hidden-checks.txt")}\")",
            $"System.IO.File.Exists(@\"{RepoPaths.Combine("CourseKit.sln")}\") || System.IO.Directory.Exists(@\"{RepoPaths.Combine("src")}\")",
            "System.IO.File.ReadAllText(\"mine.txt\")");

        Assert.True(result.Succeeded, result.Failure?.Reason);
        Assert.Equal("False\nFalse\nmy notes", Shown(result));
    }

    [Fact]
    public async Task The_file_system_is_read_only_outside_a_private_tmp()
    {
        var result = await Run(
            "System.IO.File.WriteAllText(\"/tmp/scratch.txt\", \"ok\"); System.IO.File.ReadAllText(\"/tmp/scratch.txt\")",
            "System.IO.File.WriteAllText(\"grade.txt\", \"100\");");

        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Contains("Read-only file system", result.Failure.Reason);
        Assert.False(File.Exists(Path.Combine(_submission.Path, "grade.txt")));
    }

    [Fact]
    public async Task There_is_no_network()
    {
        var result = await Run("new System.Net.Sockets.TcpClient().Connect(\"1.1.1.1\", 80);");

        Assert.Contains("System.Net.Sockets.SocketException", result.Failure!.Reason);
    }

    [Fact]
    public async Task Unbounded_allocation_hits_the_memory_limit()
    {
        var result = await Run("var hoard = new List<byte[]>();\nwhile (true) hoard.Add(new byte[16 * 1024 * 1024]);");

        Assert.Equal(1, result.Failure!.CellNumber);
        Assert.Matches("OutOfMemoryException|running out of memory", result.Failure.Reason);
    }

    [Fact]
    public async Task Environment_exit_ends_only_the_worker()
    {
        var result = await Run("Environment.Exit(0);");

        Assert.Equal("the notebook's process ended unexpectedly (it exited on its own, e.g. by Environment.Exit).", result.Failure!.Reason);
    }
}

[Trait("Category", "Slow")]
public class WorkerSandboxHiddenFileTests
{
    [Fact]
    public async Task A_file_beside_the_worker_that_its_deps_file_does_not_name_does_not_exist_inside()
    {
        using var folder = new TempFolder();
        var besideWorker = Path.Combine(AppContext.BaseDirectory, "CourseKit.Exercises.Hidden.dll");
        Assert.True(File.Exists(besideWorker), besideWorker);
        await using var workers = new WorkerPool(Path.Combine(AppContext.BaseDirectory, WorkerClient.WorkerAssembly), new WorkerSandbox([folder.Path], null));
        var result = await new NotebookRunner(workers).RunAsync(folder.Path,
            [new CellToRun(1, "csharp", $"Console.Write(System.IO.File.Exists(@\"{besideWorker}\") + \" \" + System.IO.File.Exists(System.IO.Path.Combine(AppContext.BaseDirectory, \"CourseKit.Exercises.dll\")));")],
            new RunOptions(TimeSpan.FromSeconds(30)));

        Assert.True(result.Succeeded, result.Failure?.Reason);
        Assert.Equal("False True", Assert.IsType<CellOutput.Stream>(Assert.Single(result.Executions.Single().Outputs)).Text);
    }

    [Fact]
    public void The_worker_ships_no_instructor_only_file_and_a_worker_that_did_would_stop_grading()
    {
        Assert.DoesNotContain(AppFiles.Of(WorkerClient.DefaultWorkerPath), f => Path.GetFileName(f).StartsWith(CourseKit.Grading.Isolation.GradingSandbox.InstructorOnlyPrefix, StringComparison.Ordinal));
        using var folder = new TempFolder();
        var worker = folder.Write("CourseKit.Worker.dll", "");
        folder.Write("CourseKit.Exercises.Hidden.dll", "");
        folder.Write("CourseKit.Worker.deps.json", """
            { "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" },
              "targets": { ".NETCoreApp,Version=v10.0": { "CourseKit.Exercises.Hidden/1.0.0": { "runtime": { "CourseKit.Exercises.Hidden.dll": {} } } } } }
            """);

        var error = Assert.Throws<CourseKit.Grading.GradingException>(() => CourseKit.Grading.Isolation.GradingSandbox.RefuseInstructorFiles(worker));
        Assert.Contains("CourseKit.Exercises.Hidden.dll", error.Message);
    }
}
