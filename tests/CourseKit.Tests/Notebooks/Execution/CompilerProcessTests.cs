using System.Diagnostics;
using CourseKit.Checking;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Tests.Notebooks.Execution;

/// <summary>
/// The grader's compiler process: a compilation Roslyn does not stop when asked is ended with its process at the cell's
/// limit, and the chains compiling beside it go on in a new process.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CompilerProcessTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Cells_compile_as_in_this_process_and_see_the_cells_before_them()
    {
        await using var compiler = new CompilerProcess();
        var remote = compiler.Open(AppContext.BaseDirectory, CoursePackages.All, WorkerSandbox.None);
        var local = InProcessCompiler.Instance.Open(AppContext.BaseDirectory, CoursePackages.All, WorkerSandbox.None);
        string[] cells = ["#r \"nuget: CourseKit, 1.0.0\"\nvar answer = 41;", "answer + 1", "var broken = undefinedThing;"];

        for (var i = 0; i < cells.Length; i++)
        {
            var there = (await remote.CompileAsync(cells[i], i + 1, Limit, default))!;
            var here = (await local.CompileAsync(cells[i], i + 1, Limit, default))!;
            Assert.Equal(here.Error?.Name, there.Error?.Name);
            Assert.Equal(here.Error?.Value, there.Error?.Value);
            Assert.Equal(here.Error?.Traceback ?? [], there.Error?.Traceback ?? []);
            Assert.Equal(here.Cell is null, there.Cell is null);
            Assert.Equal(here.Cell?.ShowsResult, there.Cell?.ShowsResult);
            Assert.Equal(here.Cell?.EntryType, there.Cell?.EntryType);
        }
        Assert.Equal(0, compiler.Kills);
    }

    [Fact]
    public async Task An_abandoned_compilation_ends_with_its_process_and_the_other_chain_goes_on()
    {
        await using var compiler = new CompilerProcess();
        await compiler.WarmUpAsync();
        var first = compiler.ProcessId!.Value;
        var other = compiler.Open(AppContext.BaseDirectory, PackageCatalog.Empty, WorkerSandbox.None);
        Assert.Null((await other.CompileAsync("var kept = 41;", 1, Limit, default))!.Error);

        var hostile = compiler.Open(AppContext.BaseDirectory, PackageCatalog.Empty, WorkerSandbox.None);
        var clock = Stopwatch.StartNew();
        // ~90 s of overload resolution: far past the limit.
        var stopped = hostile.CompileAsync(AbandonedCompileTests.SlowToCompile(12), 1, TimeSpan.FromSeconds(3), default);
        Assert.Null((await other.CompileAsync("var more = kept + 1;", 2, Limit, default))!.Error);

        Assert.Null(await stopped);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"stopped after {clock.Elapsed}");
        Assert.Equal(1, compiler.Kills);
        Assert.True(Ended(first), "the process that compiled the abandoned cell still runs");

        // The other chain goes on in a new process, where its cells so far are compiled again first.
        var compiled = (await other.CompileAsync("kept + more", 3, Limit, default))!;
        Assert.Null(compiled.Error);
        Assert.True(compiled.Cell!.ShowsResult);
        var second = compiler.ProcessId!.Value;
        Assert.NotEqual(first, second);

        // Nothing burns on: the new process idles once its cells are compiled. Its JIT may still finish re-compiling hot
        // methods in the first seconds (longer on a loaded machine), so one of four 3-second windows must be idle.
        var used = new List<double>();
        for (var window = 0; window < 4 && (used.Count == 0 || used[^1] >= 0.5); window++)
        {
            var before = CpuSeconds(second);
            await Task.Delay(TimeSpan.FromSeconds(3));
            used.Add(CpuSeconds(second) - before);
        }
        Assert.True(used[^1] < 0.5, $"the compiler used {string.Join(", ", used.Select(u => $"{u:0.00}"))} s of CPU in successive 3 s while idle");
    }

    private static bool Ended(int pid)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            if (!File.Exists($"/proc/{pid}/stat") || File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Trim().StartsWith('Z')) return true;
            Thread.Sleep(100);
        }
        return false;
    }

    // utime + stime of a process, from /proc.
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }
}
