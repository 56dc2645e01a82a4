using CourseKit.Grading.Isolation;
using CourseKit.Notebooks.Execution;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>
/// The grading sandbox tested from inside: a submission lists every file it can read and every place it can write,
/// and everything it found must be on the allowlist, worked out here apart from the sandbox's own code.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SandboxAllowlistTests : IAsyncLifetime
{
    // Walks the whole tree without following links and tries to read a byte of each file; an empty file (or a pipe or
    // socket, whose open could wait) counts by its name alone. /proc and /dev are the kernel's (a new, read-only
    // instance of each), so they are not walked.
    private const string ListReadableFiles = """
        var readable = new List<string>();
        void Walk(string folder)
        {
            string[] entries;
            try { entries = System.IO.Directory.GetFileSystemEntries(folder); } catch (Exception) { return; }
            foreach (var entry in entries)
            {
                if (new System.IO.FileInfo(entry).LinkTarget is not null) continue;
                if (System.IO.Directory.Exists(entry)) { if (entry is not "/proc" and not "/dev") Walk(entry); continue; }
                if (new System.IO.FileInfo(entry).Length == 0) { readable.Add(entry); continue; }
                try { using var stream = System.IO.File.OpenRead(entry); stream.ReadByte(); readable.Add(entry); } catch (Exception) { }
            }
        }
        Walk("/");
        Console.Write(string.Join("\n", readable));
        """;

    private readonly TempFolder _root = new();
    private string _student = "";
    private string _other = "";
    private string _out = "";
    private GradingLimits _limits = GradedClassFixture.Limits;

    public Task InitializeAsync()
    {
        _student = Path.Combine(_root.Path, "submissions", "walker");
        _other = Path.Combine(_root.Path, "submissions", "other");
        _out = Path.Combine(_root.Path, "out");
        foreach (var folder in new[] { _student, _other, _out }) Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(_student, "my-notes.txt"), "mine");
        File.WriteAllText(Path.Combine(_other, FixtureClass.Lesson1), "{}");
        File.WriteAllText(Path.Combine(_out, "grades.csv"), "student_id,total");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    // The worker beside the test program shares its folder with everything the tests reference, the hidden checks too.
    private static string Worker(string which) =>
        which == "beside-the-hidden-checks" ? Path.Combine(AppContext.BaseDirectory, WorkerClient.WorkerAssembly) : WorkerClient.DefaultWorkerPath;

    private async Task<string> RunAsync(string worker, params string[] cells)
    {
        await using var workers = new WorkerPool(worker, GradingSandbox.For(_student, _limits));
        var result = await new NotebookRunner(workers).RunAsync(_student,
            cells.Select((c, i) => new CellToRun(i + 1, "csharp", c)).ToList(), new RunOptions(TimeSpan.FromSeconds(60)));
        Assert.True(result.Succeeded, result.Failure?.Reason);
        return string.Concat(result.Executions.SelectMany(e => e.Outputs).OfType<CellOutput.Stream>().Select(s => s.Text));
    }

    [Theory]
    [InlineData("grading")]
    [InlineData("beside-the-hidden-checks")]
    public async Task A_submission_can_read_only_the_runtime_the_system_libraries_the_workers_own_files_and_its_own_folder(string which)
    {
        Assert.True(WorkerSandbox.BubblewrapAvailable, "bubblewrap is missing: apt-get install bubblewrap (.ci/run does this).");
        var worker = Worker(which);
        if (which != "grading") Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(worker)!, "CourseKit.Exercises.Hidden.dll")));

        var readable = (await RunAsync(worker, ListReadableFiles)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var allowed = new Allowlist(_student, worker);
        var outside = readable.Where(f => !allowed.Allows(f)).ToList();
        Assert.True(outside.Count == 0, $"{outside.Count} readable files are off the allowlist:\n" + string.Join("\n", outside.Take(40)));
        // What the issue names, each checked on its own as well.
        Assert.DoesNotContain(readable, f => Path.GetFileName(f).StartsWith("CourseKit.Exercises.Hidden", StringComparison.Ordinal));
        Assert.DoesNotContain(readable, f => f.StartsWith(RepoPaths.Combine("exercises", "source"), StringComparison.Ordinal));
        Assert.DoesNotContain(readable, f => f.StartsWith(RepoPaths.Combine("src"), StringComparison.Ordinal));
        Assert.DoesNotContain(readable, f => f.StartsWith(_other, StringComparison.Ordinal));
        Assert.DoesNotContain(readable, f => f.StartsWith(_out, StringComparison.Ordinal));
        Assert.DoesNotContain(readable, f => f.StartsWith("/root/", StringComparison.Ordinal) && !allowed.IsRuntime(f));
        Assert.DoesNotContain(readable, f => f.StartsWith(RepoPaths.Root + "/", StringComparison.Ordinal) && !allowed.IsWorkerFile(f));
        // The walk reached what the worker needs, so an empty or broken walk cannot pass.
        Assert.Contains(Path.Combine(_student, "my-notes.txt"), readable);
        Assert.Contains(readable, f => Path.GetFileName(f) == "CourseKit.Worker.dll");
        Assert.Contains(readable, f => Path.GetFileName(f) == "System.Private.CoreLib.dll");
    }

    [Fact]
    public async Task The_file_system_is_read_only_but_for_tmp()
    {
        var places = new[] { "/", "/usr", _student, Path.GetDirectoryName(typeof(object).Assembly.Location)!, "/dev", "/dev/shm", "/tmp" };
        var cell = "foreach (var folder in new[] { " + string.Join(", ", places.Select(p => $"@\"{p}\"")) + " })\n" +
                   "{\n" +
                   "    try { System.IO.File.WriteAllText(System.IO.Path.Combine(folder, \"written.txt\"), \"x\"); Console.Write(folder + \" writable\\n\"); }\n" +
                   "    catch (Exception) { Console.Write(folder + \" read-only\\n\"); }\n" +
                   "}";

        var shown = await RunAsync(WorkerClient.DefaultWorkerPath, cell);

        Assert.Equal(string.Join("\n", places.Select(p => p == "/tmp" ? "/tmp writable" : p + " read-only")) + "\n", shown);
        Assert.False(File.Exists(Path.Combine(_student, "written.txt")));
    }

    [Fact]
    public async Task Writing_more_than_the_tmp_cap_fails_inside_the_submission_and_its_worker_goes_on()
    {
        _limits = GradedClassFixture.Limits with { TmpMegabytes = 8 };
        const string fill =
            "var written = 0L;\n" +
            "try { using var file = System.IO.File.Create(\"/tmp/fill\"); var block = new byte[1 << 20]; while (written < (64L << 20)) { file.Write(block); file.Flush(); written += block.Length; } }\n" +
            "catch (System.IO.IOException error) { Console.Write(error.Message + \"\\n\"); }\n" +
            "Console.Write(written >> 20);";
        const string after = "System.IO.File.Delete(\"/tmp/fill\"); System.IO.File.WriteAllText(\"/tmp/small\", \"ok\"); Console.Write(\"\\n\" + System.IO.File.ReadAllText(\"/tmp/small\"));";

        var shown = (await RunAsync(WorkerClient.DefaultWorkerPath, fill, after)).Split('\n');

        Assert.Contains("No space left on device", shown[0]);
        Assert.InRange(int.Parse(shown[1], System.Globalization.CultureInfo.InvariantCulture), 1, 8);
        Assert.Equal("ok", shown[2]);
    }

    /// <summary>What a worker may read, from the runtime's folders, the C library's folder, the worker's deps file and the student's folder.</summary>
    private sealed class Allowlist(string student, string worker)
    {
        private readonly string _framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        private readonly string _dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        private readonly string _workerFolder = Path.GetDirectoryName(worker)!;
        private readonly string _workerDeps = File.ReadAllText(Path.ChangeExtension(worker, ".deps.json"));
        private readonly string _libraries = Path.GetDirectoryName(File.ReadLines("/proc/self/maps")
            .Select(l => l.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length == 6)
            .Select(f => f[5].Trim()).First(p => Path.GetFileName(p) == "libc.so.6"))!;

        public bool Allows(string file) => IsRuntime(file) || IsWorkerFile(file) || Within(file, _libraries) || Within(file, student);

        public bool IsRuntime(string file) =>
            Within(file, _framework) || Within(file, Path.Combine(_dotnetRoot, "host", "fxr")) || file == Path.Combine(_dotnetRoot, "dotnet");

        // The worker's own files: those its deps file names (kit assemblies included), its three start files, and the
        // symbols of those assemblies.
        public bool IsWorkerFile(string file) =>
            file.EndsWith(".pdb", StringComparison.Ordinal) ? IsWorkerFile(Path.ChangeExtension(file, ".dll")) :
            Path.GetDirectoryName(file) is { } folder
            && (folder == _workerFolder || Path.GetDirectoryName(folder) == _workerFolder) // resource assemblies sit in a culture folder
            && (Path.GetFileName(file) is "CourseKit.Worker.dll" or "CourseKit.Worker.deps.json" or "CourseKit.Worker.runtimeconfig.json"
                || _workerDeps.Contains("/" + Path.GetFileName(file) + "\"", StringComparison.Ordinal)
                || _workerDeps.Contains("\"" + Path.GetFileName(file) + "\"", StringComparison.Ordinal));

        private static bool Within(string file, string folder) => file.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);
    }
}
