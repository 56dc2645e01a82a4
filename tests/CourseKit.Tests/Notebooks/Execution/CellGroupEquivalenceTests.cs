using CourseKit.Checking;
using CourseKit.Checking.Cells;
using CourseKit.Checking.NotebookChecks;
using CourseKit.Checking.Release;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Hidden;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Pipelines;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Notebooks.Execution;

/// <summary>
/// A run that compiles cells in groups (<see cref="RunOptions.GroupCells"/>) gives what the same run gives with one
/// compilation per cell: each cell's outputs, errors and tracebacks, the failure and the evaluations.
/// </summary>
[Collection(RunnerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class CellGroupEquivalenceTests(RunnerFixture fixture)
{
    private static CellToRun Code(string source) => new(0, "csharp", source);

    private static CellToRun Markdown(string source) => new(0, "markdown", source);

    [Fact]
    public async Task Shared_variables_types_methods_console_output_and_the_last_value_are_the_same_cell_by_cell()
    {
        var (chain, grouped) = await BothWaysAsync(
            [
                Code("var total = 9 + 6;\nConsole.WriteLine($\"total {total}\");"),
                Code("class Point { public int X { get; init; } }\nint Twice(int n) => 2 * n;"),
                Markdown("# Between the cells"),
                Code(""),
                Code("var p = new Point { X = Twice(total) };\nConsole.Write(\"no newline\");\ndisplay(p.X);"),
                Code("Console.Error.WriteLine(\"to stderr\");\ntotal += p.X;"),
                Code("total * 10"),
            ],
            ["total.ToString()"]);

        Assert.True(grouped.Run.Succeeded, grouped.Run.Failure?.Reason);
        Assert.Equal(["stdout: total 15\n"], grouped.Outputs(1));
        Assert.Equal(["stdout: no newline", "display: text/plain=30"], grouped.Outputs(5));
        Assert.Equal(["stderr: to stderr\n"], grouped.Outputs(6));
        Assert.Equal(["result: text/plain=450"], grouped.Outputs(7));
        Assert.Equal("45", grouped.Evaluation("e1"));
        Assert.True(grouped.Compilations < chain.Compilations, $"{grouped.Compilations} compilations grouped, {chain.Compilations} one by one");
    }

    [Fact]
    public async Task A_variable_declared_again_in_a_later_cell_hides_the_earlier_one_as_in_the_chain()
    {
        var (_, grouped) = await BothWaysAsync(
            [
                Code("var x = 1;"),
                Code("Console.WriteLine(x);\nFunc<int> early = () => x;"),
                Code("var x = \"two\";"),
                Code("Console.WriteLine(x);\nConsole.WriteLine(early());"),
            ],
            ["x + early()"]);

        Assert.Equal(["stdout: two\n1\n"], grouped.Outputs(4));
        Assert.Equal("two1", grouped.Evaluation("e1"));
    }

    [Fact]
    public async Task A_forward_reference_to_a_later_cells_method_is_the_chains_compile_error()
    {
        var (_, grouped) = await BothWaysAsync(
            [
                Code("var a = 2;"),
                Code("Console.WriteLine(Twice(a));"),
                Code("int Twice(int n) => 2 * n;"),
            ],
            ["a.ToString()"]);

        Assert.Equal(2, grouped.Run.Failure!.CellNumber);
        Assert.Contains("error CS0103: The name 'Twice' does not exist", Assert.Single(grouped.Outputs(2)));
        Assert.Equal("2", grouped.Evaluation("e1"));
    }

    [Fact]
    public async Task A_runtime_exception_in_the_third_cell_of_a_group_fails_there_with_the_chains_traceback()
    {
        var (_, grouped) = await BothWaysAsync(
            [
                Code("int Fail(int n) =>\n    n > 0 ? throw new InvalidOperationException(\"score out of range\") : n;"),
                Code("var ok = 1;\nConsole.WriteLine(\"second\");"),
                Code("Console.WriteLine(\"third\");\n\nFail(ok);"),
                Code("Console.WriteLine(\"never\");"),
            ],
            ["ok.ToString()"]);

        Assert.Equal(3, grouped.Run.Failure!.CellNumber);
        Assert.Equal(3, grouped.Run.Executions.Count);
        var error = Assert.IsType<CellOutput.Error>(grouped.Run.Executions[2].Outputs.Last());
        Assert.Equal("System.InvalidOperationException", error.Name);
        Assert.Contains("   in cell 1, line 2", error.Traceback);
        Assert.Contains("   in cell 3, line 3", error.Traceback);
        Assert.Equal("1", grouped.Evaluation("e1"));
    }

    [Fact]
    public async Task After_a_runtime_failure_the_evaluation_does_not_see_the_cells_of_the_group_that_never_ran()
    {
        // Cell 4 never runs; one cell at a time it is never compiled either, so the evaluation sees cell 1's score.
        var (_, grouped) = await BothWaysAsync(
            [
                Code("var score = 1;\nscore"),
                Code("var ok = 2;\nclass Box { public int V; }\nint Twice(int n) => 2 * n;"),
                Code("throw new InvalidOperationException(\"stop\");"),
                Code("var score = 99;\nvar later = 5;"),
            ],
            ["score.ToString()", "later.ToString()", "new Box { V = Twice(ok) }.V.ToString()"]);

        Assert.Equal(3, grouped.Run.Failure!.CellNumber);
        Assert.Equal("1", grouped.Evaluation("e1"));
        Assert.Contains("CS0103", grouped.Evaluation("e2"));
        // What the cells that ran declared is the worker's: the evaluation binds to the assembly that ran.
        Assert.Equal("4", grouped.Evaluation("e3"));
    }

    [Fact]
    public async Task A_failure_in_the_first_cell_of_a_group_hides_the_rest_of_the_group_from_the_evaluation()
    {
        var (_, grouped) = await BothWaysAsync(
            [
                Code("var x = 1;\nif (x > 0) throw new InvalidOperationException(\"first\");"),
                Code("var later = 5;"),
                Code("Console.WriteLine(later);"),
            ],
            ["x.ToString()", "later.ToString()"]);

        Assert.Equal(1, grouped.Run.Failure!.CellNumber);
        Assert.Contains("   in cell 1, line 2", Assert.Single(grouped.Outputs(1)));
        Assert.Equal("1", grouped.Evaluation("e1"));
        Assert.Contains("CS0103", grouped.Evaluation("e2"));
    }

    [Fact]
    public async Task An_exception_after_an_await_and_a_top_level_return_end_only_their_own_cell()
    {
        var (_, returned) = await BothWaysAsync(
            [
                Code("var a = 1;"),
                Code("if (a > 0) return;\nConsole.WriteLine(\"skipped\");"),
                Code("Console.WriteLine(\"after the return\");"),
                Code("await Task.Delay(20);\nthrow new ArgumentException(\"after await\");"),
                Code("Console.WriteLine(\"never\");"),
            ],
            ["a.ToString()"]);

        Assert.Empty(returned.Outputs(2));
        Assert.Equal(["stdout: after the return\n"], returned.Outputs(3));
        Assert.Equal(4, returned.Run.Failure!.CellNumber);
        Assert.Contains("   in cell 4, line 2", Assert.Single(returned.Outputs(4)));
        Assert.Equal("1", returned.Evaluation("e1"));
    }

    [Fact]
    public async Task A_package_the_kit_does_not_have_in_a_groups_first_cell_is_the_chains_error()
    {
        var (_, grouped) = await BothWaysAsync(
            [Code("var a = 1;"), Code("#r \"nuget: No.Such.Package, 1.0.0\"\nvar b = 2;"), Code("var c = 3;")],
            ["a.ToString()"]);

        Assert.Equal(2, grouped.Run.Failure!.CellNumber);
        Assert.StartsWith("error: PackageNotAvailable", Assert.Single(grouped.Outputs(2)));
        Assert.Equal("1", grouped.Evaluation("e1"));
    }

    [Fact]
    public async Task A_cell_of_a_group_that_runs_past_the_time_limit_or_ends_the_worker_stops_the_run_there()
    {
        var limit = TimeSpan.FromSeconds(3);
        var (_, looped) = await BothWaysAsync(
            [Code("var a = 1;"), Code("Console.WriteLine(a);"), Code("while (a > 0) { }"), Code("Console.WriteLine(\"never\");")],
            ["a.ToString()"], limit);
        Assert.Equal(3, looped.Run.Failure!.CellNumber);
        Assert.Contains("the cell reached the time limit of 3 s", looped.Run.Failure.Reason);
        Assert.Empty(looped.Run.Evaluations);

        var (_, exited) = await BothWaysAsync(
            [Code("var a = 1;"), Code("Console.WriteLine(a);"), Code("Environment.Exit(3);"), Code("Console.WriteLine(\"never\");")],
            ["a.ToString()"]);
        Assert.Equal(3, exited.Run.Failure!.CellNumber);
        Assert.Equal(3, exited.Run.Executions.Count);
    }

    [Fact]
    public async Task A_group_that_compiles_past_half_the_limit_falls_back_to_one_cell_at_a_time_with_the_chains_result()
    {
        // Compiled in a compiler process, which is killed at the limit: no compilation burns on in this one.
        await using var compiler = new CompilerProcess();
        var cells = new[] { Code("var a = 1;\nConsole.WriteLine(a);"), Code(AbandonedCompileTests.SlowToCompile(12)), Code("var c = 3;") };
        var chain = await RunAsync(cells, [], group: false, TimeSpan.FromSeconds(4), compiler);
        var grouped = await RunAsync(cells, [], group: true, TimeSpan.FromSeconds(4), compiler);

        AssertSame(chain, grouped);
        Assert.Equal(2, grouped.Run.Failure!.CellNumber);
        Assert.Contains("compiling the cell took longer than the time limit of 4 s", grouped.Run.Failure.Reason);
        Assert.Equal(["stdout: 1\n"], grouped.Outputs(1));
    }

    [Fact]
    public async Task The_async_locals_a_cell_sets_are_what_they_are_one_cell_at_a_time()
    {
        var (_, grouped) = await BothWaysAsync(
            [
                Code("var flag = new System.Threading.AsyncLocal<int>();\nflag.Value = 5;\nConsole.WriteLine(flag.Value);"),
                Code("Console.WriteLine(flag.Value);"),
                Code("await Task.Delay(10);\nflag.Value = 7;"),
                Code("Console.WriteLine(flag.Value);"),
            ],
            ["flag.Value.ToString()"]);

        Assert.Equal(["stdout: 5\n"], grouped.Outputs(1));
    }

    [Fact]
    public async Task A_compile_error_in_a_middle_cell_is_the_chains_error_and_the_cells_before_it_ran()
    {
        var (_, grouped) = await BothWaysAsync(
            [
                Code("var a = 1;\nConsole.WriteLine(\"first\");"),
                Code("Console.WriteLine(a + 1);"),
                Code("var b = 2;\nvar c = a + missing;"),
                Code("Console.WriteLine(\"never\");"),
            ],
            ["a.ToString()"]);

        Assert.Equal(3, grouped.Run.Failure!.CellNumber);
        Assert.Equal(["stdout: first\n"], grouped.Outputs(1));
        Assert.Equal(["stdout: 2\n"], grouped.Outputs(2));
        Assert.StartsWith("error: CompilationError: Cell 3, line 2, column 13: error CS0103: The name 'missing' does not exist", Assert.Single(grouped.Outputs(3)));
        Assert.Equal("1", grouped.Evaluation("e1"));
    }

    [Fact]
    public async Task Awaiting_in_a_group_cell_and_reading_the_console_give_the_same_outputs()
    {
        var (_, grouped) = await BothWaysAsync(
            [
                Code("var a = 1;"),
                Code("await Task.Delay(50);\nConsole.WriteLine(\"after the delay\");\nawait Task.Yield();"),
                Code("var line = Console.ReadLine();\nConsole.WriteLine(line ?? \"<end of input>\");"),
                Code("Console.WriteLine(a);"),
            ],
            []);

        Assert.True(grouped.Run.Succeeded, grouped.Run.Failure?.Reason);
        Assert.Equal(["stdout: after the delay\n"], grouped.Outputs(2));
        Assert.Equal(["stdout: 1\n"], grouped.Outputs(4));
    }

    [Fact]
    public async Task A_top_level_using_declaration_is_the_chains_parse_error_and_one_in_a_block_disposes_in_its_cell()
    {
        var (_, grouped) = await BothWaysAsync(
            [
                Code("class Noisy : IDisposable { public void Dispose() => Console.WriteLine(\"disposed\"); }"),
                Code("{\n    using var inBlock = new Noisy();\n    Console.WriteLine(\"body\");\n}"),
                Code("Console.WriteLine(\"next\");"),
                Code("using var noisy = new Noisy();\nConsole.WriteLine(\"body\");"),
            ],
            []);

        Assert.Equal(["stdout: body\ndisposed\n"], grouped.Outputs(2));
        Assert.Equal(["stdout: next\n"], grouped.Outputs(3));
        Assert.Equal(4, grouped.Run.Failure!.CellNumber);
        Assert.Contains("error CS1002", grouped.Run.Failure.Reason);
    }

    [Fact]
    public async Task Extension_methods_cannot_be_declared_in_a_cell_so_a_later_one_never_changes_an_earlier_cell()
    {
        // A cell's classes are nested in its script class, where C# allows no extension method: the cell fails alone.
        var (_, grouped) = await BothWaysAsync(
            [
                Code("var n = 3;"),
                Code("Console.WriteLine(new string((from c in \"ab\" select c).ToArray()));"),
                Code("static class Mine { public static string Select(this string s, Func<char, char> f) => \"mine\"; }"),
            ],
            []);
        Assert.Equal(["stdout: ab\n"], grouped.Outputs(2));
        Assert.Equal(3, grouped.Run.Failure!.CellNumber);
        Assert.Contains("error CS1109", grouped.Run.Failure.Reason);

        var (_, block) = await BothWaysAsync(
            [Code("var n = 3;"), Code("Console.WriteLine(n);"), Code("static class Blocks { extension(int n) { public int Twice() => 2 * n; } }")],
            []);
        Assert.Equal(3, block.Run.Failure!.CellNumber);
    }

    [Fact]
    public async Task An_attribute_class_declared_in_a_later_cell_is_the_chains_compile_error_in_the_earlier_one()
    {
        var (_, grouped) = await BothWaysAsync(
            [Code("var a = 1;"), Code("[My] class Tagged { }"), Code("class MyAttribute : Attribute { }")],
            ["a.ToString()"]);

        Assert.Equal(2, grouped.Run.Failure!.CellNumber);
        Assert.Contains("error CS0246", grouped.Run.Failure.Reason);
        Assert.Equal("1", grouped.Evaluation("e1"));
    }

    [Fact]
    public async Task A_cell_that_calls_the_group_boundary_itself_does_not_break_the_run()
    {
        var cells = new[]
        {
            Code("Console.WriteLine(\"one\");"),
            Code("await CourseKit.Notebooks.Runtime.CellBoundary.NextAsync();\nConsole.WriteLine(\"two\");"),
            Code("Console.WriteLine(\"three\");"),
            Code("Console.WriteLine(\"four\");"),
            Code("\"last\""),
        };
        var grouped = await RunAsync(cells, ["\"evaluated\""], group: true);

        // The outputs may move between cells, but the run ends, every cell reports, and the evaluation runs.
        Assert.True(grouped.Run.Succeeded, grouped.Run.Failure?.Reason);
        Assert.Equal([1, 2, 3, 4, 5], grouped.Run.Executions.Select(e => e.Number));
        Assert.Equal("evaluated", grouped.Evaluation("e1"));

        var ended = await RunAsync(
            [Code("var a = 1;"), Code("CourseKit.Notebooks.Runtime.CellBoundary.Reached = null;\nConsole.WriteLine(\"two\");"), Code("Console.WriteLine(\"three\");"), Code("Console.WriteLine(\"four\");")],
            ["a.ToString()"], group: true);
        Assert.True(ended.Run.Succeeded, ended.Run.Failure?.Reason);
        Assert.Equal([1, 2, 3, 4], ended.Run.Executions.Select(e => e.Number));
        Assert.Equal("1", ended.Evaluation("e1"));
    }

    public static TheoryData<string> ExerciseNotebooks => new(ExerciseCatalog.Notebooks.SelectMany(n => new[]
    {
        Path.Combine(ReleasePipeline.SourceFolder, n.FileName), Path.Combine(ReleasePipeline.StudentFolder, n.FileName),
    }));

    [Theory]
    [MemberData(nameof(ExerciseNotebooks))]
    public async Task The_course_exercise_notebooks_give_the_same_outputs_and_answers_both_ways(string notebookPath)
    {
        var path = RepoPaths.Combine(notebookPath);
        var notebook = Notebook.Load(path);
        var cells = notebook.Cells
            .Select((cell, index) => new CellToRun(index + 1, notebook.KernelOf(cell), RunPipeline.SourceToRun(notebook, cell)))
            .ToList();
        var collect = CollectCell.Evaluation(ExerciseCells.CheckCells(notebook, path).Keys, HiddenChecks.All);
        var directory = Path.GetDirectoryName(path)!;

        var chain = await RunAsync(directory, cells, [collect], group: false);
        var grouped = await RunAsync(directory, cells, [collect], group: true);

        AssertSame(chain, grouped);
        Assert.True(grouped.Compilations < chain.Compilations, $"{grouped.Compilations} compilations grouped, {chain.Compilations} one by one");
        Assert.IsType<Evaluated.Value>(grouped.Run.Evaluations["answers"]);
    }

    // Runs the cells (numbered in order) with evaluations e1, e2… one compilation per cell, then in groups, and checks
    // that both runs give the same.
    private async Task<(Outcome Chain, Outcome Grouped)> BothWaysAsync(CellToRun[] cells, string[] evaluations, TimeSpan? limit = null)
    {
        var chain = await RunAsync(cells, evaluations, group: false, limit);
        var grouped = await RunAsync(cells, evaluations, group: true, limit);
        AssertSame(chain, grouped);
        return (chain, grouped);
    }

    private Task<Outcome> RunAsync(CellToRun[] cells, string[] evaluations, bool group, TimeSpan? limit = null, ICompilerHost? compiler = null) =>
        RunAsync(AppContext.BaseDirectory,
            [.. cells.Select((cell, i) => cell with { Number = i + 1 })],
            [.. evaluations.Select((source, i) => new Evaluation($"e{i + 1}", source))],
            group, limit, compiler);

    private async Task<Outcome> RunAsync(string directory, IReadOnlyList<CellToRun> cells, IReadOnlyList<Evaluation> evaluations, bool group,
        TimeSpan? limit = null, ICompilerHost? inner = null)
    {
        var compiler = new CountingCompiler(inner ?? InProcessCompiler.Instance);
        var options = new RunOptions(limit ?? TimeSpan.FromSeconds(60)) { Packages = CoursePackages.All, GroupCells = group, Compiler = compiler };
        var run = await fixture.Runner.RunAsync(directory, cells, options, evaluations);
        return new Outcome(run, compiler.Compilations);
    }

    private static void AssertSame(Outcome chain, Outcome grouped)
    {
        Assert.Equal(chain.Run.Failure, grouped.Run.Failure);
        Assert.Equal(chain.Run.Executions.Select(e => (e.Number, e.ExecutionCount)), grouped.Run.Executions.Select(e => (e.Number, e.ExecutionCount)));
        foreach (var execution in chain.Run.Executions)
            Assert.True(chain.Outputs(execution.Number).SequenceEqual(grouped.Outputs(execution.Number)),
                $"cell {execution.Number}: one by one\n{string.Join("\n", chain.Outputs(execution.Number))}\ngrouped\n{string.Join("\n", grouped.Outputs(execution.Number))}");
        Assert.Equal(chain.Run.Evaluations.OrderBy(e => e.Key).Select(e => (e.Key, Describe(e.Value))),
            grouped.Run.Evaluations.OrderBy(e => e.Key).Select(e => (e.Key, Describe(e.Value))));
    }

    private static string Describe(Evaluated evaluated) => evaluated switch
    {
        Evaluated.Value value => value.Text,
        Evaluated.Failed failed => "failed: " + failed.Reason,
        _ => evaluated.ToString()!,
    };

    private static string Describe(CellOutput output) => output switch
    {
        CellOutput.Stream stream => $"{stream.Name}: {stream.Text}",
        CellOutput.Display display => $"{(display.IsResult ? "result" : "display")}: {string.Join("; ", display.Data.OrderBy(d => d.Key).Select(d => $"{d.Key}={d.Value}"))}",
        CellOutput.Error error => $"error: {error.Name}: {error.Value}\n{string.Join("\n", error.Traceback)}",
        _ => output.ToString()!,
    };

    private sealed record Outcome(NotebookRunResult Run, int Compilations)
    {
        public IReadOnlyList<string> Outputs(int cell) =>
            [.. Run.Executions.Single(e => e.Number == cell).Outputs.Select(Describe)];

        public string Evaluation(string name) => Describe(Run.Evaluations[name]);
    }

    /// <summary>Compiles with <paramref name="compiler"/> and counts the compilations asked for.</summary>
    private sealed class CountingCompiler(ICompilerHost compiler) : ICompilerHost
    {
        private int _compilations;

        public int Compilations => Volatile.Read(ref _compilations);

        public Task WarmUpAsync() => compiler.WarmUpAsync();

        public ICellChain Open(string notebookDirectory, PackageCatalog packages, WorkerSandbox sandbox) =>
            new Counted(compiler.Open(notebookDirectory, packages, sandbox), this);

        private sealed class Counted(ICellChain inner, CountingCompiler owner) : ICellChain, IDisposable
        {
            public void Dispose() => (inner as IDisposable)?.Dispose();

            public Task<CellCompilation?> CompileAsync(string source, int cellNumber, TimeSpan limit, CancellationToken stop)
            {
                Interlocked.Increment(ref owner._compilations);
                return inner.CompileAsync(source, cellNumber, limit, stop);
            }

            public Task<CellCompilation?> CompileAsync(IReadOnlyList<CellSource> cells, TimeSpan limit, CancellationToken stop)
            {
                Interlocked.Increment(ref owner._compilations);
                return inner.CompileAsync(cells, limit, stop);
            }

            public void ForgetAfter(int lastCellRun) => inner.ForgetAfter(lastCellRun);
        }
    }
}
