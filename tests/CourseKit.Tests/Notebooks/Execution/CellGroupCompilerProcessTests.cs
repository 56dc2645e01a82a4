using CourseKit.Checking;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Tests.Notebooks.Execution;

/// <summary>
/// Cell groups compiled in the grader's <see cref="CompilerProcess"/>: a chain whose process was killed for another chain's
/// abandoned compilation compiles its groups again in the new process, and the run goes on as if nothing happened.
/// </summary>
[Collection(RunnerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class CellGroupCompilerProcessTests(RunnerFixture fixture)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static readonly string[] Notebook =
    [
        "var total = 9 + 6;\nclass Point { public int X { get; init; } }",
        "int Twice(int n) => 2 * n;\nConsole.WriteLine(\"second\");",
        "var p = new Point { X = Twice(total) };\np.X",
        // The second group: the other chain's compilation is abandoned while its first cell sleeps.
        "System.Threading.Thread.Sleep(6000);\nvar later = p.X + 1;",
        "Console.WriteLine(later);",
        "later * 2",
    ];

    private static readonly Evaluation[] Evaluations = [new("sum", "(total + later + Twice(1)).ToString()")];

    [Fact]
    public async Task A_group_compiled_in_a_process_that_was_then_killed_is_compiled_again_and_the_run_goes_on()
    {
        await using var compiler = new CompilerProcess();
        var signalling = new SecondCompilation(compiler);
        var cells = Notebook.Select((source, i) => new CellToRun(i + 1, "csharp", source)).ToList();
        var options = new RunOptions(Limit) { Packages = CoursePackages.All, GroupCells = true, Compiler = signalling };

        var running = fixture.Runner.RunAsync(AppContext.BaseDirectory, cells, options, Evaluations);
        await signalling.Compiled.Task.WaitAsync(TimeSpan.FromSeconds(120));
        var firstProcess = compiler.ProcessId!.Value;

        // Another chain's compilation overruns its limit while cell 4 sleeps: the process is killed.
        var hostile = compiler.Open(AppContext.BaseDirectory, PackageCatalog.Empty, WorkerSandbox.None);
        Assert.Null(await hostile.CompileAsync(AbandonedCompileTests.SlowToCompile(12), 1, TimeSpan.FromSeconds(2), default));
        Assert.Equal(1, compiler.Kills);

        var grouped = await running;
        Assert.NotEqual(firstProcess, compiler.ProcessId);
        Assert.Equal(2, signalling.Groups);

        var alone = await fixture.Runner.RunAsync(AppContext.BaseDirectory, cells, new RunOptions(Limit) { Packages = CoursePackages.All }, Evaluations);
        Assert.True(grouped.Succeeded, grouped.Failure?.Reason);
        Assert.Equal(Describe(alone), Describe(grouped));
        Assert.Equal("48", Assert.IsType<Evaluated.Value>(grouped.Evaluations["sum"]).Text);
    }

    [Fact]
    public async Task After_a_failure_inside_a_group_the_evaluation_sees_only_the_cells_that_ran_in_the_compiler_process_too()
    {
        await using var compiler = new CompilerProcess();
        var cells = new[] { "var score = 1;\nscore", "var ok = 2;", "throw new InvalidOperationException(\"stop\");", "var score = 99;\nvar later = 5;" }
            .Select((source, i) => new CellToRun(i + 1, "csharp", source)).ToList();
        Evaluation[] evaluations = [new("score", "score.ToString()"), new("later", "later.ToString()"), new("ok", "ok.ToString()")];

        var grouped = await fixture.Runner.RunAsync(AppContext.BaseDirectory, cells,
            new RunOptions(Limit) { Packages = CoursePackages.All, GroupCells = true, Compiler = compiler }, evaluations);
        var alone = await fixture.Runner.RunAsync(AppContext.BaseDirectory, cells, new RunOptions(Limit) { Packages = CoursePackages.All }, evaluations);

        Assert.Equal(3, grouped.Failure!.CellNumber);
        Assert.Equal(Describe(alone), Describe(grouped));
        Assert.Equal("1", Assert.IsType<Evaluated.Value>(grouped.Evaluations["score"]).Text);
        Assert.Equal("2", Assert.IsType<Evaluated.Value>(grouped.Evaluations["ok"]).Text);
        Assert.Contains("CS0103", Assert.IsType<Evaluated.Failed>(grouped.Evaluations["later"]).Reason);
    }

    // Everything a run reports, as text: the failure, each cell's outputs, the evaluations.
    private static string Describe(NotebookRunResult run) =>
        string.Join("\n", [
            $"failure: {run.Failure}",
            .. run.Executions.SelectMany(e => e.Outputs.Select(o => $"cell {e.Number} ({e.ExecutionCount}): {o switch
            {
                CellOutput.Display display => $"{display.IsResult} {string.Join(";", display.Data.OrderBy(d => d.Key))}",
                CellOutput.Error error => $"{error.Name}: {error.Value} | {string.Join(" | ", error.Traceback)}",
                _ => o.ToString(),
            }}")),
            .. run.Evaluations.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}"),
        ]);

    /// <summary>The compiler process, with a signal once the run's second group has compiled.</summary>
    private sealed class SecondCompilation(CompilerProcess compiler) : ICompilerHost
    {
        private int _groups;

        public TaskCompletionSource Compiled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Groups => Volatile.Read(ref _groups);

        public Task WarmUpAsync() => compiler.WarmUpAsync();

        public ICellChain Open(string notebookDirectory, PackageCatalog packages, WorkerSandbox sandbox) =>
            new Signalling(compiler.Open(notebookDirectory, packages, sandbox), this);

        private sealed class Signalling(ICellChain inner, SecondCompilation owner) : ICellChain, IDisposable
        {
            public Task<CellCompilation?> CompileAsync(string source, int cellNumber, TimeSpan limit, CancellationToken stop) =>
                inner.CompileAsync(source, cellNumber, limit, stop);

            public async Task<CellCompilation?> CompileAsync(IReadOnlyList<CellSource> cells, TimeSpan limit, CancellationToken stop)
            {
                var compiled = await inner.CompileAsync(cells, limit, stop);
                if (compiled?.Cell?.Group is { Count: > 1 } && Interlocked.Increment(ref owner._groups) == 2) owner.Compiled.TrySetResult();
                return compiled;
            }

            public void ForgetAfter(int lastCellRun) => inner.ForgetAfter(lastCellRun);

            public void Dispose() => (inner as IDisposable)?.Dispose();
        }
    }
}
