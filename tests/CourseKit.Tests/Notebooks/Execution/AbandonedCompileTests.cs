using CourseKit.Notebooks.Execution;

namespace CourseKit.Tests.Notebooks.Execution;

/// <summary>
/// Roslyn does not stop every compilation when asked: overload resolution of nested lambdas runs for minutes to
/// hours. The runner must not wait for it, and the compilation it leaves behind must not take CPU from anyone.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class AbandonedCompileTests(RunnerFixture fixture)
{
    // About 30 s of overload resolution at depth 11; every level triples it.
    public static string SlowToCompile(int depth = 11) =>
        "int F(System.Func<int, int> f) => 0; int F(System.Func<string, int> f) => 0; int F(System.Func<long, int> f) => 0;\nF(" +
        string.Concat(Enumerable.Range(0, depth).Select(i => $"a{i} => F(")) + "x => 0" + new string(')', depth + 1) + ";";

    [Fact]
    public async Task A_compilation_past_the_time_limit_is_abandoned_to_idle_priority()
    {
        var result = await fixture.RunAsync(TimeSpan.FromSeconds(2), SlowToCompile());

        Assert.Equal("compiling the cell took longer than the time limit of 2 s.", result.Failure!.Reason);
        Assert.Contains(19, CompilerThreadNiceValues()); // the idle nice value
    }

    [Fact]
    public async Task Stopping_a_run_ends_it_at_once_even_while_a_cell_compiles()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await fixture.Runner.RunAsync(AppContext.BaseDirectory, [new CellToRun(1, "csharp", SlowToCompile())],
            new RunOptions(TimeSpan.FromSeconds(60)), epilogue: [], stop.Token);

        Assert.Equal("the run was stopped while the cell compiled.", result.Failure!.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    // Thread names are cut to 15 characters in /proc; field 19 of a task's stat line is its nice value.
    private static IEnumerable<int> CompilerThreadNiceValues() =>
        Directory.EnumerateDirectories("/proc/self/task")
            .Where(task => File.Exists(Path.Combine(task, "comm")) && File.ReadAllText(Path.Combine(task, "comm")).StartsWith("CourseKit cell", StringComparison.Ordinal))
            .Select(task => File.ReadAllText(Path.Combine(task, "stat")))
            .Select(stat => int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture));
}
