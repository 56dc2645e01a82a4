using System.Diagnostics;

namespace CourseKit.Notebooks.Execution;

/// <summary>A cell as the runner sees it: its 1-based number among all cells, its kernel and source.</summary>
public sealed record CellToRun(int Number, string Kernel, string Source);

/// <summary>What happened to one executed cell.</summary>
public sealed record CellExecution(int Number, int ExecutionCount, IReadOnlyList<CellOutput> Outputs, TimeSpan CompileTime = default);

/// <summary>Where and why a run stopped.</summary>
public sealed record RunFailure(int CellNumber, string FirstLine, string Reason);

/// <summary>
/// A cell run after the notebook's cells, in the same session, for its string value: like Jupyter's
/// <c>user_expressions</c>, it is not part of the notebook, gets no execution count and shows no outputs.
/// </summary>
public sealed record Evaluation(string Name, string Source);

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
}

/// <summary>
/// Runs a notebook's C# cells in order and stops at the first failing cell: each cell is compiled here, under
/// the cell time limit, and run in one worker session. Markdown and Mermaid cells are not executed; a cell for
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
    /// notebook cell failed (but not when the worker crashed or timed out), each under the cell time limit. The
    /// checker's collect cell is an evaluation: it reads the answers recorded before a failure. The result's failure
    /// is the notebook's own. <paramref name="stop"/> ends the run at once, a compilation under way too; the grader
    /// stops a submission that overran its time limit with it, after killing its workers.
    /// </summary>
    public async Task<NotebookRunResult> RunAsync(string notebookDirectory, IReadOnlyList<CellToRun> cells, RunOptions options,
        IReadOnlyList<Evaluation> evaluations, CancellationToken stop = default)
    {
        var clock = Stopwatch.StartNew();
        var executions = new List<CellExecution>();
        var compiler = new CellCompiler(notebookDirectory, options.Packages, workers.Sandbox);
        await CellCompiler.WarmUpAsync();
        WorkerClient worker;
        try
        {
            worker = await workers.RentAsync();
        }
        catch (WorkerCrashedException stopped)
        {
            return NotStarted(stopped.Message);
        }
        var healthy = true;
        var count = 0;
        try
        {
            var startLimit = options.CellTimeLimit > StartTimeLimit ? options.CellTimeLimit : StartTimeLimit;
            WorkerResponse? started;
            try
            {
                started = await worker.SendAsync(new StartNotebook(notebookDirectory, options.Packages.SessionResets), startLimit);
            }
            catch (WorkerCrashedException crash)
            {
                healthy = false;
                return NotStarted(crash.Message);
            }
            if (started is null)
            {
                healthy = false;
                return NotStarted("the notebook worker did not start in time.");
            }
            if (started.Failed)
            {
                healthy = false;
                return NotStarted(Describe(started.Outputs.OfType<CellOutput.Error>().LastOrDefault()));
            }

            var failure = await RunCellsAsync(cells);
            var evaluated = new Dictionary<string, Evaluated>();
            var number = cells.Count == 0 ? 0 : cells.Max(c => c.Number);
            foreach (var evaluation in evaluations)
            {
                if (!healthy) break;
                evaluated[evaluation.Name] = await EvaluateAsync(evaluation, ++number);
            }
            return new NotebookRunResult(executions, failure, clock.Elapsed) { Evaluations = evaluated };
        }
        finally
        {
            await workers.ReturnAsync(worker, healthy && !worker.HasExited);
        }

        async Task<RunFailure?> RunCellsAsync(IReadOnlyList<CellToRun> toRun)
        {
            foreach (var cell in toRun)
            {
                if (PassiveKernels.Contains(cell.Kernel)) continue;
                if (cell.Kernel != "csharp")
                    return Stop(cell, $"the #!{cell.Kernel} kernel is not supported by the kit's runner; supported: {CellDirectives.Supported}.");

                count++;
                if (await CompileAsync(cell.Source, cell.Number) is not { } compiled)
                {
                    executions.Add(Failed(cell, count, "TimeLimitReached", CompileStopped()));
                    return Stop(cell, CompileStopped());
                }
                if (compiled.Error is { } compileError)
                {
                    executions.Add(new CellExecution(cell.Number, count, [compileError], compiled.CompileTime));
                    return Stop(cell, Describe(compileError));
                }
                WorkerResponse? response;
                try
                {
                    response = await worker.SendAsync(new RunCell(compiled.Cell!), options.CellTimeLimit);
                }
                catch (WorkerCrashedException crash)
                {
                    healthy = false;
                    executions.Add(Failed(cell, count, "WorkerCrashed", crash.Message));
                    return Stop(cell, crash.Message);
                }
                if (response is null)
                {
                    healthy = false;
                    var message = $"the cell reached the time limit of {options.CellTimeLimit.TotalSeconds:0.#} s and was stopped.";
                    executions.Add(Failed(cell, count, "TimeLimitReached", message));
                    return Stop(cell, message);
                }
                executions.Add(new CellExecution(cell.Number, count, response.Outputs, compiled.CompileTime));
                if (response.Failed)
                    return Stop(cell, Describe(response.Outputs.OfType<CellOutput.Error>().LastOrDefault()));
            }
            return null;
        }

        async Task<Evaluated> EvaluateAsync(Evaluation evaluation, int number)
        {
            if (await CompileAsync(evaluation.Source, number) is not { } compiled)
                return new Evaluated.Failed(CompileStopped());
            if (compiled.Error is { } compileError)
                return new Evaluated.Failed(Describe(compileError));
            WorkerResponse? response;
            try
            {
                response = await worker.SendAsync(new EvaluateCell(compiled.Cell!), options.CellTimeLimit);
            }
            catch (WorkerCrashedException crash)
            {
                healthy = false;
                return new Evaluated.Failed(crash.Message);
            }
            if (response is null)
            {
                healthy = false;
                return new Evaluated.Failed($"the evaluation reached the time limit of {options.CellTimeLimit.TotalSeconds:0.#} s and was stopped.");
            }
            return response.Evaluation ?? new Evaluated.Failed("the worker sent no value.");
        }

        // Null when the compilation was stopped (its reason is CompileStopped); the worker is no longer reused.
        async Task<CellCompilation?> CompileAsync(string source, int number)
        {
            using var compileLimit = CancellationTokenSource.CreateLinkedTokenSource(stop);
            compileLimit.CancelAfter(options.CellTimeLimit);
            try
            {
                // The compiler does not always stop when asked, so the wait has its own limit; the compilation is then abandoned.
                return await compiler.CompileAsync(source, number, compileLimit.Token).WaitAsync(options.CellTimeLimit, stop);
            }
            catch (Exception error) when (error is TimeoutException or OperationCanceledException)
            {
                compileLimit.Cancel(); // abandons the compilation, whichever limit came first
                healthy = false;
                return null;
            }
        }

        string CompileStopped() => stop.IsCancellationRequested
            ? "the run was stopped while the cell compiled."
            : $"compiling the cell took longer than the time limit of {options.CellTimeLimit.TotalSeconds:0.#} s.";

        static RunFailure Stop(CellToRun cell, string reason) => new(cell.Number, FirstLine(cell.Source), reason);

        NotebookRunResult NotStarted(string reason) => new(executions, new RunFailure(0, "", reason), clock.Elapsed);
    }

    private static CellExecution Failed(CellToRun cell, int count, string name, string message) =>
        new(cell.Number, count, [new CellOutput.Error(name, message, [$"Cell {cell.Number}: {message}"])]);

    private static string Describe(CellOutput.Error? error) =>
        error is null ? "the cell failed." : $"{error.Name}: {error.Value}";

    public static string FirstLine(string source) =>
        source.Replace("\r\n", "\n").Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
}
