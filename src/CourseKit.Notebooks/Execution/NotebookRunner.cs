using System.Diagnostics;

namespace CourseKit.Notebooks.Execution;

/// <summary>A cell as the runner sees it: its 1-based number among all cells, its kernel and source.</summary>
public sealed record CellToRun(int Number, string Kernel, string Source);

/// <summary>What happened to one executed cell.</summary>
public sealed record CellExecution(int Number, int ExecutionCount, IReadOnlyList<CellOutput> Outputs, TimeSpan CompileTime = default);

/// <summary>Where and why a run stopped: in a cell (its number and first line), or before any cell ran (no cell number).</summary>
public sealed record RunFailure(int? CellNumber, string FirstLine, string Reason)
{
    public static RunFailure NotStarted(string reason) => new(null, "", reason);

    public static RunFailure InCell(int cellNumber, string firstLine, string reason) => new(cellNumber, firstLine, reason);
}

/// <summary>
/// A cell run after the notebook's cells, in the same session, for its string value: like Jupyter's
/// <c>user_expressions</c>, it is not part of the notebook, gets no execution count and shows no outputs.
/// </summary>
public sealed record Evaluation(string Name, string Source)
{
    /// <summary>
    /// A package method to call instead of compiling <see cref="Source"/> (<see cref="CallMethod"/>): no compilation, no
    /// assembly to load. <see cref="Source"/> then says the same call in C#.
    /// </summary>
    public CallMethod? Call { get; init; }
}

public sealed record NotebookRunResult(IReadOnlyList<CellExecution> Executions, RunFailure? Failure, TimeSpan Elapsed)
{
    /// <summary>The evaluations' results by name; one the run never reached (the worker crashed or timed out first) is absent.</summary>
    public IReadOnlyDictionary<string, Evaluated> Evaluations { get; init; } = new Dictionary<string, Evaluated>();

    public TimeSpan CompileTime => TimeSpan.FromTicks(Executions.Sum(e => e.CompileTime.Ticks));

    public bool Succeeded => Failure is null;
}

public sealed record RunOptions(TimeSpan CellTimeLimit)
{
    public static RunOptions Default { get; } = new(TimeSpan.FromSeconds(60));

    /// <summary>The packages the notebook may load with <c>#r</c>, and whose state is reset when it starts.</summary>
    public PackageCatalog Packages { get; init; } = PackageCatalog.Empty;

    /// <summary>Where the cells are compiled; the grader compiles in a <see cref="CompilerProcess"/> it can kill.</summary>
    public ICompilerHost Compiler { get; init; } = InProcessCompiler.Instance;

    /// <summary>
    /// Compile cells that can go together as one assembly (<see cref="CellGroups"/>): the same outputs, five to ten times
    /// less compiling. The checker and the grader do; a cell then reports no compile time of its own.
    /// </summary>
    public bool GroupCells { get; init; }
}

/// <summary>
/// Runs a notebook's C# cells in order and stops at the first failing cell: each cell is compiled under the cell time
/// limit, in this process or in the options' <see cref="CompilerProcess"/>, and run in one worker session. Markdown and Mermaid cells are not executed; a cell for
/// any other kernel stops the run.
/// </summary>
public sealed class NotebookRunner(WorkerPool workers)
{
    // Starting a worker, and the compiler's first use in this process, are not the notebook's time.
    private static readonly TimeSpan StartTimeLimit = TimeSpan.FromSeconds(60);

    public static readonly IReadOnlySet<string> PassiveKernels = new HashSet<string> { "markdown", "mermaid" };

    public Task<NotebookRunResult> RunAsync(string notebookDirectory, IReadOnlyList<CellToRun> cells, RunOptions options) =>
        RunAsync(notebookDirectory, cells, options, evaluations: []);

    /// <summary>
    /// Runs <paramref name="cells"/>, then the <paramref name="evaluations"/> in the same session even when a
    /// notebook cell failed (but not when the session was lost: the worker crashed or timed out), each under the cell
    /// time limit. The checker's collect cell is an evaluation: it reads the answers recorded before a failure. The
    /// result's failure is the notebook's own. <paramref name="stop"/> ends the run at once, a compilation under way
    /// too; the grader stops a submission that overran its time limit with it, after killing its workers.
    /// </summary>
    public async Task<NotebookRunResult> RunAsync(string notebookDirectory, IReadOnlyList<CellToRun> cells, RunOptions options,
        IReadOnlyList<Evaluation> evaluations, CancellationToken stop = default)
    {
        var clock = Stopwatch.StartNew();
        WorkerClient worker;
        try
        {
            worker = await workers.RentAsync();
        }
        catch (WorkerCrashedException stopped)
        {
            return new NotebookRunResult([], RunFailure.NotStarted(stopped.Message), clock.Elapsed);
        }
        try
        {
            await options.Compiler.WarmUpAsync().WaitAsync(stop);
        }
        catch (OperationCanceledException)
        {
            await workers.ReturnAsync(worker, !worker.HasExited);
            return new NotebookRunResult([], RunFailure.NotStarted("the run was stopped before its first cell."), clock.Elapsed);
        }

        var chain = options.Compiler.Open(notebookDirectory, options.Packages, workers.Sandbox);
        var session = new Session(worker, chain, options, stop);
        var lost = true;
        try
        {
            if (await session.StartAsync(notebookDirectory) is { } notStarted)
                return new NotebookRunResult([], RunFailure.NotStarted(notStarted), clock.Elapsed);

            var executions = new List<CellExecution>();
            RunFailure? failure = null;
            lost = false;
            for (var index = 0; index < cells.Count; index++)
            {
                var cell = cells[index];
                var outcome = await session.RunAsync(cell, executions.Count + 1, () => Following(cells, index));
                if (outcome.Execution is { } execution) executions.Add(execution);
                if (outcome is CellOutcome.Stopped stopped)
                {
                    failure = stopped.Failure;
                    lost = stopped.SessionLost;
                    break;
                }
            }

            var evaluated = new Dictionary<string, Evaluated>();
            var number = cells.Count == 0 ? 0 : cells.Max(c => c.Number);
            foreach (var evaluation in evaluations)
            {
                if (lost) break;
                (evaluated[evaluation.Name], lost) = await session.EvaluateAsync(evaluation, ++number);
            }
            return new NotebookRunResult(executions, failure, clock.Elapsed) { Evaluations = evaluated };
        }
        finally
        {
            (chain as IDisposable)?.Dispose();
            await workers.ReturnAsync(worker, !lost && !worker.HasExited);
        }
    }

    // The C# cells after cells[index] that may join its group: up to the first cell of another kernel.
    private static IReadOnlyList<CellSource> Following(IReadOnlyList<CellToRun> cells, int index) =>
        [.. cells.Skip(index + 1)
            .TakeWhile(c => c.Kernel == "csharp" || PassiveKernels.Contains(c.Kernel))
            .Where(c => c.Kernel == "csharp")
            .Take(CellGroups.MaxCells - 1)
            .Select(c => new CellSource(c.Number, c.Source))];

    /// <summary>What became of one cell: it ran (or had nothing to run), or it stopped the run, with or without the session.</summary>
    private abstract record CellOutcome(CellExecution? Execution)
    {
        public sealed record Ran(CellExecution? Execution) : CellOutcome(Execution);

        /// <param name="SessionLost">The worker crashed or timed out, or a compilation was abandoned: the worker is not reused.</param>
        public sealed record Stopped(CellExecution? Execution, RunFailure Failure, bool SessionLost) : CellOutcome(Execution);
    }

    /// <summary>One notebook's compiler and worker session: each step returns what became of it.</summary>
    private sealed class Session(WorkerClient worker, ICellChain compiler, RunOptions options, CancellationToken stop)
    {
        // The cells still to run of the group that runs, in order; empty when none.
        private readonly Queue<int> _group = new();

        // Cleared for the rest of the run when a group did not compile within its time: its cells compile one by one.
        private bool _grouping = options.GroupCells;

        private string Limit => $"{options.CellTimeLimit.TotalSeconds:0.#} s";

        /// <summary>Null when the session started; else why not.</summary>
        public async Task<string?> StartAsync(string directory)
        {
            var startLimit = options.CellTimeLimit > StartTimeLimit ? options.CellTimeLimit : StartTimeLimit;
            try
            {
                return await worker.SendAsync(new StartNotebook(directory, options.Packages.SessionResets), startLimit) switch
                {
                    null => "the notebook worker did not start in time.",
                    { Failed: true } started => Describe(started.Outputs.OfType<CellOutput.Error>().LastOrDefault()),
                    _ => null,
                };
            }
            catch (WorkerCrashedException crash)
            {
                return crash.Message;
            }
        }

        public async Task<CellOutcome> RunAsync(CellToRun cell, int count, Func<IReadOnlyList<CellSource>> following)
        {
            if (PassiveKernels.Contains(cell.Kernel)) return new CellOutcome.Ran(null);
            if (cell.Kernel != "csharp")
                return Stop(null, cell, $"the #!{cell.Kernel} kernel is not supported by the kit's runner; supported: {CellDirectives.Supported}.", lost: false);
            if (_group.TryPeek(out var next) && next == cell.Number)
            {
                _group.Dequeue();
                return await SendAsync(cell, count, new ContinueCell(cell.Number), TimeSpan.Zero);
            }
            _group.Clear();

            if (await CompileCellAsync(cell, following) is not { } compiled)
                return Stop(Failed(cell, count, "TimeLimitReached", CompileStopped()), cell, CompileStopped(), lost: true);
            if (compiled.Error is { } compileError)
                return Stop(new CellExecution(cell.Number, count, [compileError], compiled.CompileTime), cell, Describe(compileError), lost: false);
            foreach (var number in compiled.Cell!.Group?.Skip(1) ?? []) _group.Enqueue(number);
            return await SendAsync(cell, count, new RunCell(compiled.Cell), compiled.CompileTime);
        }

        // The cell with as many of the following cells as form a group, when the run groups cells. A group gets half the
        // cell's time limit; if that runs out, the cell compiles alone, as does every cell after it.
        private async Task<CellCompilation?> CompileCellAsync(CellToRun cell, Func<IReadOnlyList<CellSource>> following)
        {
            var rest = _grouping ? following() : [];
            if (rest.Count == 0) return await CompileAsync(cell.Source, cell.Number);
            var grouped = await compiler.CompileAsync([new CellSource(cell.Number, cell.Source), .. rest], options.CellTimeLimit / 2, stop);
            if (grouped is not null || stop.IsCancellationRequested) return grouped;
            _grouping = false;
            return await CompileAsync(cell.Source, cell.Number);
        }

        private async Task<CellOutcome> SendAsync(CellToRun cell, int count, WorkerRequest request, TimeSpan compileTime)
        {
            WorkerResponse? response;
            try
            {
                response = await worker.SendAsync(request, options.CellTimeLimit);
            }
            catch (WorkerCrashedException crash)
            {
                return Stop(Failed(cell, count, "WorkerCrashed", crash.Message), cell, crash.Message, lost: true);
            }
            if (response is null)
            {
                var message = $"the cell reached the time limit of {Limit} and was stopped.";
                return Stop(Failed(cell, count, "TimeLimitReached", message), cell, message, lost: true);
            }
            var execution = new CellExecution(cell.Number, count, response.Outputs, compileTime);
            if (!response.Failed) return new CellOutcome.Ran(execution);
            // The group's cells after this one never run: the evaluations must not see them, as one cell at a time.
            if (_group.Count > 0) compiler.ForgetAfter(cell.Number);
            return Stop(execution, cell, Describe(response.Outputs.OfType<CellOutput.Error>().LastOrDefault()), lost: false);
        }

        /// <summary>The evaluation's value or why there is none, and whether the session was lost with it.</summary>
        public async Task<(Evaluated Result, bool SessionLost)> EvaluateAsync(Evaluation evaluation, int number)
        {
            if (evaluation.Call is { } call) return await SendEvaluationAsync(call);
            if (await CompileAsync(evaluation.Source, number) is not { } compiled)
                return (new Evaluated.Failed(CompileStopped()), true);
            if (compiled.Error is { } compileError)
                return (new Evaluated.Failed(Describe(compileError)), false);
            return await SendEvaluationAsync(new EvaluateCell(compiled.Cell!));
        }

        private async Task<(Evaluated Result, bool SessionLost)> SendEvaluationAsync(WorkerRequest request)
        {
            try
            {
                return await worker.SendAsync(request, options.CellTimeLimit) switch
                {
                    null => (new Evaluated.Failed($"the evaluation reached the time limit of {Limit} and was stopped."), true),
                    var response => (response.Evaluation ?? new Evaluated.Failed("the worker sent no value."), false),
                };
            }
            catch (WorkerCrashedException crash)
            {
                return (new Evaluated.Failed(crash.Message), true);
            }
        }

        // Null when the compilation was stopped (its reason is CompileStopped); the session is then lost.
        private Task<CellCompilation?> CompileAsync(string source, int number) =>
            compiler.CompileAsync(source, number, options.CellTimeLimit, stop);

        private string CompileStopped() => stop.IsCancellationRequested
            ? "the run was stopped while the cell compiled."
            : $"compiling the cell took longer than the time limit of {Limit}.";

        private static CellOutcome.Stopped Stop(CellExecution? execution, CellToRun cell, string reason, bool lost) =>
            new(execution, RunFailure.InCell(cell.Number, FirstLine(cell.Source), reason), lost);
    }

    private static CellExecution Failed(CellToRun cell, int count, string name, string message) =>
        new(cell.Number, count, [new CellOutput.Error(name, message, [$"Cell {cell.Number}: {message}"])]);

    private static string Describe(CellOutput.Error? error) =>
        error is null ? "the cell failed." : $"{error.Name}: {error.Value}";

    public static string FirstLine(string source) =>
        source.Replace("\r\n", "\n").Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
}
