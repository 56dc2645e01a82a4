using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// A long-lived compiler process (src/CourseKit.Compiler) shared by the notebook runs it is handed, each run a chain of its
/// own, compiled side by side. A compilation can be stopped here: when one is abandoned (its cell's time limit, or its run
/// was stopped) the process is killed, which ends that compilation, and a new process is started. The other chains then
/// compile their cells so far again in the new process, under the same assembly names, and go on: they lose the new
/// process's start (about a second), never more than that. One process, not one per grading slot: each process pays the
/// JIT of the compiler (seconds of CPU), which two of them would pay twice (bench/README.md).
/// </summary>
public sealed class CompilerProcess : ICompilerHost, IAsyncDisposable
{
    public const string CompilerAssembly = "CourseKit.Compiler.dll";

    // Starting a process and the compiler's first use (its JIT).
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    // A chain's request lost with a process that ended (killed for another chain, or crashed) is sent again this often.
    private const int Attempts = 3;

    private readonly string _path;
    private readonly object _gate = new();
    private Task<Running>? _current;
    private int _generation;
    private int _nextChain;
    private int _nextRequest;
    private int _kills;
    private bool _disposed;

    public CompilerProcess(string? compilerPath = null)
    {
        _path = compilerPath ?? DefaultPath;
        if (!File.Exists(_path))
            throw new FileNotFoundException($"The cell compiler is missing: {_path}. Build the solution first.");
    }

    // Where the build puts the precompiled copy of the program (src/CourseKit.Kernel/ReadyToRun.targets).
    private const string PrecompiledFolder = "kernel-r2r";

    /// <summary>
    /// The precompiled copy beside the program when its build made one, else the compiler beside the program. The
    /// precompiled copy runs without tiered compilation: its Roslyn is used as it is, and nothing is compiled twice,
    /// which took a third of the process's CPU (bench/README.md). The plain one keeps tiers, or its start would
    /// JIT all of Roslyn fully optimized, for seconds, at every start and every restart after a kill.
    /// </summary>
    public static string DefaultPath =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, PrecompiledFolder, CompilerAssembly))
            ? Path.Combine(AppContext.BaseDirectory, PrecompiledFolder, CompilerAssembly)
            : Path.Combine(AppContext.BaseDirectory, CompilerAssembly);

    /// <summary>How many times a compiler process was killed because a compilation was abandoned.</summary>
    public int Kills => Volatile.Read(ref _kills);

    /// <summary>The compiler process's id while one runs; for measuring what it costs.</summary>
    public int? ProcessId
    {
        get
        {
            lock (_gate)
                return _current is { IsCompletedSuccessfully: true, Result: { Ended: false } running } ? running.Id : null;
        }
    }

    public async Task WarmUpAsync() => await CurrentAsync();

    public ICellChain Open(string notebookDirectory, PackageCatalog packages, WorkerSandbox sandbox) =>
        new Chain(this, Interlocked.Increment(ref _nextChain), new ChainStart(Guid.NewGuid().ToString("N"), notebookDirectory,
            [.. packages.All.Select(p => new PackageFiles(p.Id, p.Version, [.. p.Assemblies.Select(a => a.Location)]))], sandbox));

    // The running process, or one being started; a new one once it ended or was killed.
    private Task<Running> CurrentAsync()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current is { } current && !(current.IsFaulted || current is { IsCompletedSuccessfully: true, Result.Ended: true }))
                return current;
            var generation = ++_generation;
            _current = Task.Run(() => StartAsync(generation));
            return _current;
        }
    }

    private async Task<Running> StartAsync(int generation)
    {
        var running = Running.Start(_path, generation);
        using var limit = new CancellationTokenSource(StartLimit);
        try
        {
            if (await running.SendAsync(new WarmUpCompiler(Interlocked.Increment(ref _nextRequest))).WaitAsync(limit.Token) is not null)
                return running;
        }
        catch (OperationCanceledException)
        {
        }
        var reason = running.Reason();
        running.Stop();
        throw new WorkerStartException($"the cell compiler ({_path}) did not start: {reason}.");
    }

    /// <summary>
    /// Compiles one cell of <paramref name="chain"/>. The limit counts from the moment the cell reaches a running compiler:
    /// a chain whose process was killed for another chain's sake starts again in a new one, its clock too.
    /// </summary>
    private async Task<CellCompilation?> CompileAsync(Chain chain, IReadOnlyList<CellSource> cells, TimeSpan limit, CancellationToken stop)
    {
        var cellNumber = cells[0].Number;
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var running = await CurrentAsync().WaitAsync(stop);
            if (!await CompileAgainAsync(running, chain).WaitAsync(stop))
                continue;
            using var compileLimit = CancellationTokenSource.CreateLinkedTokenSource(stop);
            compileLimit.CancelAfter(limit);
            CompilerResponse? response;
            try
            {
                response = await running.SendAsync(chain.Request(this, cells)).WaitAsync(compileLimit.Token);
            }
            catch (OperationCanceledException)
            {
                // Killing the process is what stops the compilation; the other chains' requests to it then end too.
                Abandon(running);
                return null;
            }
            if (response is null)
            {
                if (attempt < Attempts) continue;
                return Failed(cellNumber, $"the cell compiler ended while compiling it ({running.Reason()}).", clock);
            }
            // What joined the chain, to compile again as it was if this process ends: the cell, or its whole group.
            if (response.Error is null) chain.Compiled.Add([.. cells.Take(response.Cell?.Group?.Count ?? 1)]);
            return new CellCompilation(response.Cell, response.Error, TimeSpan.FromSeconds(response.Seconds));
        }
    }

    // A chain begun in a process that has since ended compiles its cells so far again in this one; false if it ended too.
    private async Task<bool> CompileAgainAsync(Running running, Chain chain)
    {
        if (chain.Generation == running.Generation && !chain.Stale) return true;
        chain.Generation = running.Generation;
        chain.Stale = false;
        chain.Opened = false;
        foreach (var cells in chain.Compiled)
            if (await running.SendAsync(chain.Request(this, cells)) is null) return false;
        return true;
    }

    private void Abandon(Running running)
    {
        if (running.Abandon()) Interlocked.Increment(ref _kills);
    }

    private void Close(Chain chain)
    {
        Task<Running>? current;
        lock (_gate) current = _current;
        if (chain.Opened && current is { IsCompletedSuccessfully: true, Result: var running } && running.Generation == chain.Generation)
            running.Post(new CloseChain(chain.Id));
    }

    public async ValueTask DisposeAsync()
    {
        Task<Running>? current;
        lock (_gate)
        {
            _disposed = true;
            current = _current;
        }
        if (current is null) return;
        try
        {
            (await current).Stop();
        }
        catch (Exception error) when (error is WorkerStartException or System.ComponentModel.Win32Exception)
        {
            // It never started; the run that needed it has reported why.
        }
    }

    private static CellCompilation Failed(int cellNumber, string message, Stopwatch clock) =>
        new(null, new CellOutput.Error("CompilerStopped", message, [$"Cell {cellNumber}: {message}"]), clock.Elapsed);

    /// <summary>One notebook run's chain of cells, and the cells that compiled, to compile again in a new process.</summary>
    private sealed class Chain(CompilerProcess owner, int id, ChainStart start) : ICellChain, IDisposable
    {
        public int Id => id;
        public bool Opened { get; set; }
        public int Generation { get; set; }

        /// <summary>What the process holds of the chain is more than <see cref="Compiled"/>: compile it again first.</summary>
        public bool Stale { get; set; }
        public List<IReadOnlyList<CellSource>> Compiled { get; } = [];

        public CompileCell Request(CompilerProcess compiler, IReadOnlyList<CellSource> cells)
        {
            var request = new CompileCell(Interlocked.Increment(ref compiler._nextRequest), id, cells[0].Source, cells[0].Number, Opened ? null : start,
                cells.Count > 1 ? [.. cells.Skip(1)] : null);
            Opened = true;
            return request;
        }

        public Task<CellCompilation?> CompileAsync(string source, int cellNumber, TimeSpan limit, CancellationToken stop) =>
            owner.CompileAsync(this, [new CellSource(cellNumber, source)], limit, stop);

        public Task<CellCompilation?> CompileAsync(IReadOnlyList<CellSource> cells, TimeSpan limit, CancellationToken stop) =>
            owner.CompileAsync(this, cells, limit, stop);

        // The last group shrinks to the cells that ran, and the chain is compiled again, as after a kill, before its next
        // cell: rare (a run that failed inside a group, then evaluated), and it needs no request of its own.
        public void ForgetAfter(int lastCellRun)
        {
            if (Compiled.Count == 0 || Compiled[^1] is not { Count: > 1 } group || group[^1].Number <= lastCellRun) return;
            var ran = group.TakeWhile(c => c.Number <= lastCellRun).ToList();
            if (ran.Count == 0) return;
            Compiled[^1] = ran;
            Stale = true;
        }

        public void Dispose() => owner.Close(this);
    }

    /// <summary>One started compiler process: requests go out on its stdin, answers are matched to them by id.</summary>
    private sealed class Running
    {
        private const int MaxStderrChars = 4_000;
        private readonly Process _process;
        private readonly StreamWriter _input;
        private readonly ConcurrentDictionary<int, TaskCompletionSource<CompilerResponse?>> _waiting = new();
        private readonly StringBuilder _stderr = new();
        private volatile bool _ended;
        private int _abandoned;

        private Running(Process process, int generation)
        {
            _process = process;
            Generation = generation;
            Id = process.Id;
            _input = process.StandardInput;
            _input.AutoFlush = true;
            process.ErrorDataReceived += (_, e) =>
            {
                lock (_stderr)
                    if (e.Data is not null && _stderr.Length < MaxStderrChars) _stderr.AppendLine(e.Data);
            };
            process.BeginErrorReadLine();
            _ = Task.Run(() => ReadAnswersAsync(process.StandardOutput));
        }

        public int Generation { get; }
        public int Id { get; }

        /// <summary>The process ended, or was killed and is ending: it takes no more requests.</summary>
        public bool Ended => _ended || Volatile.Read(ref _abandoned) == 1;

        public static Running Start(string path, int generation)
        {
            var start = new ProcessStartInfo(DotnetHost)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardInputEncoding = new UTF8Encoding(false),
                StandardOutputEncoding = new UTF8Encoding(false),
            };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(path);
            if (Path.GetFileName(Path.GetDirectoryName(path)) == PrecompiledFolder) start.Environment["DOTNET_TieredCompilation"] = "0";
            return new Running(ProcessLauncher.Start(start), generation);
        }

        /// <summary>The answer, or null when the process ended first.</summary>
        public Task<CompilerResponse?> SendAsync(CompilerRequest request)
        {
            var id = request switch { CompileCell c => c.Id, WarmUpCompiler w => w.Id, _ => throw new ArgumentException("no answer to wait for", nameof(request)) };
            var answer = new TaskCompletionSource<CompilerResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[id] = answer;
            if (!Post(request) || _ended) Forget(id);
            return answer.Task;
        }

        /// <summary>Sends a request that gets no answer; false when the process has ended.</summary>
        public bool Post(CompilerRequest request)
        {
            try
            {
                lock (_input) _input.WriteLine(CompilerProtocol.Serialize(request));
                return true;
            }
            catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException)
            {
                return false;
            }
        }

        private void Forget(int id)
        {
            if (_waiting.TryRemove(id, out var answer)) answer.TrySetResult(null);
        }

        private async Task ReadAnswersAsync(StreamReader output)
        {
            try
            {
                while (await output.ReadLineAsync() is { } line)
                {
                    var response = CompilerProtocol.Deserialize<CompilerResponse>(line);
                    if (_waiting.TryRemove(response.Id, out var answer)) answer.TrySetResult(response);
                }
            }
            catch (Exception error) when (error is IOException or ObjectDisposedException or System.Text.Json.JsonException)
            {
            }
            _ended = true;
            Stop();
            foreach (var id in _waiting.Keys) Forget(id);
            try { _process.WaitForExit(); } catch (InvalidOperationException) { }
        }

        /// <summary>Kills the process for an abandoned compilation; true for the first caller.</summary>
        public bool Abandon()
        {
            if (Interlocked.Exchange(ref _abandoned, 1) == 1) return false;
            Stop();
            return true;
        }

        /// <summary>Ends the process at once; safe from any thread, and after it ended.</summary>
        public void Stop()
        {
            try { _process.Kill(); } catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception) { }
        }

        public string Reason()
        {
            try { _process.WaitForExit(2000); } catch (InvalidOperationException) { }
            string detail;
            lock (_stderr) detail = _stderr.ToString().Trim();
            return detail.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) ? "the code nests too deeply to compile"
                : Volatile.Read(ref _abandoned) == 1 ? "it was stopped"
                : _process.HasExited ? $"exit code {_process.ExitCode}"
                : "it did not answer";
        }
    }

    // The host that runs this process runs the compiler too.
    private static string DotnetHost =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
}
