using CourseKit.Notebooks.Execution;

namespace CourseKit.Tests.Notebooks.Execution;

/// <summary>
/// Roslyn does not stop every compilation when asked: overload resolution of nested lambdas runs for minutes to
/// hours. The runner must not wait for it.
/// </summary>
[Collection(RunnerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class AbandonedCompileTests(RunnerFixture fixture)
{
    // About 30 s of overload resolution at depth 11; every level triples it.
    public static string SlowToCompile(int depth = 11) =>
        "int F(System.Func<int, int> f) => 0; int F(System.Func<string, int> f) => 0; int F(System.Func<long, int> f) => 0;\nF(" +
        string.Concat(Enumerable.Range(0, depth).Select(i => $"a{i} => F(")) + "x => 0" + new string(')', depth + 1) + ";";

    [Fact]
    public async Task Stopping_a_run_ends_it_at_once_even_while_a_cell_compiles()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await fixture.Runner.RunAsync(AppContext.BaseDirectory, [new CellToRun(1, "csharp", SlowToCompile())],
            new RunOptions(TimeSpan.FromSeconds(60)), evaluations: [], stop.Token);

        Assert.Equal("the run was stopped while the cell compiled.", result.Failure!.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
