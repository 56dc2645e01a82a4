using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The parent's handle on one worker process. Notebook code runs only in the worker; a cell that
/// overruns its time limit or crashes the worker ends that worker, never the parent.
/// </summary>
public sealed class WorkerClient : IAsyncDisposable
{
    public const string WorkerAssembly = "CourseKit.Worker.dll";

    private const int MaxStderrChars = 10_000;

    private readonly Process _process;
    private readonly Task<(StreamWriter Input, StreamReader Output)> _channel;
    private readonly StringBuilder _stderr = new();
    private readonly CancellationTokenSource _ended = new();

    // Whether the worker runs in its own pid namespace, where every process it starts ends with it.
    private readonly bool _confined;

    private volatile bool _killed;
    private int _disposed;

    private readonly TaskLimit? _taskLimit;

    private WorkerClient(Process process, WorkerChannel channel, bool confined, TaskLimit? taskLimit)
    {
        _process = process;
        _confined = confined;
        _taskLimit = taskLimit;
        process.StandardInput.Close(); // the worker reads nothing from stdin
        _ = DrainAsync(process.StandardOutput.BaseStream, keep: null);
        _ = DrainAsync(process.StandardError.BaseStream, keep: _stderr);
        _channel = ConnectAsync(channel);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a worker from the folder this assembly was loaded from, confined by <paramref name="sandbox"/>.</summary>
    public static WorkerClient Start(string? workerPath = null, WorkerSandbox? sandbox = null)
    {
        workerPath ??= DefaultWorkerPath;
        if (!File.Exists(workerPath))
            throw new FileNotFoundException($"The notebook worker is missing: {workerPath}. Build the solution first.");
        sandbox ??= WorkerSandbox.None;
        var channel = WorkerChannel.Open();
        TaskLimit? taskLimit = null;
        try
        {
            taskLimit = sandbox.MaxTasks is { } maxTasks ? TaskLimit.Create(maxTasks) : null;
            var start = sandbox.StartInfo(DotnetHost, ["exec", workerPath], channel.Folder, taskLimit, app: workerPath);
            start.Environment[WorkerChannel.EnvironmentVariable] = channel.SocketPath;
            // Write-xor-execute mapping makes every JIT-compiled method cost page remaps; a worker JITs each cell it
            // runs, and the code it runs is the notebook's own, so the sandbox, not W^X, is what confines it.
            start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
            start.RedirectStandardInput = true;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            return new WorkerClient(ProcessLauncher.Start(start), channel, sandbox.Confines, taskLimit);
        }
        catch
        {
            channel.Dispose();
            taskLimit?.Dispose();
            throw;
        }
    }

    // The worker connects as it starts; if it ends first, the wait fails as a crash.
    private async Task<(StreamWriter, StreamReader)> ConnectAsync(WorkerChannel channel)
    {
        var accept = channel.AcceptAsync(_ended.Token);
        var exited = _process.WaitForExitAsync(_ended.Token);
        if (await Task.WhenAny(accept, exited) != accept)
        {
            channel.Dispose();
            try { await accept; } catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
            // No notebook code has run yet, so this exit code can only come from the wrapper that joins the group.
            if (_taskLimit is not null && _process.HasExited && _process.ExitCode == TaskLimit.JoinFailedExitCode)
                throw new WorkerStartException($"the worker could not join its task-limit group ({_taskLimit.JoinFile}).");
            throw Crashed();
        }
        var stream = await accept;
        return (new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true }, new StreamReader(stream, new UTF8Encoding(false)));
    }

    // Reads a stream to its end so the worker never blocks on a full pipe; keeps the start of it if asked.
    private static async Task DrainAsync(Stream stream, StringBuilder? keep)
    {
        var buffer = new byte[8192];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                if (keep is null) continue;
                var count = decoder.GetChars(buffer, 0, read, chars, 0);
                lock (keep)
                    if (keep.Length < MaxStderrChars) keep.Append(chars, 0, Math.Min(count, MaxStderrChars - keep.Length));
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// The ReadyToRun copy of the worker when the build made one (see src/CourseKit.Worker/ReadyToRun.targets),
    /// else the plain worker beside this program.
    /// </summary>
    public static string DefaultWorkerPath =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, "worker-r2r", WorkerAssembly))
            ? Path.Combine(AppContext.BaseDirectory, "worker-r2r", WorkerAssembly)
            : Path.Combine(AppContext.BaseDirectory, WorkerAssembly);

    // The host of the runtime that runs this process runs the worker too; inside a sandbox PATH leads nowhere.
    private static string DotnetHost =>
        DotnetRuntime.Current.IsShared ? DotnetRuntime.Current.Muxer
        : Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    /// <summary>
    /// Sends a request and waits for its answer. Returns null when the time limit passed (the worker
    /// is then killed) and throws <see cref="WorkerCrashedException"/> when the worker died. A cell run with
    /// <see cref="RunCell.TakesInput"/> may ask for lines of input on the way: <paramref name="readLine"/> answers
    /// them (null, or no <paramref name="readLine"/>, is end of input); if it is cancelled, the worker is killed.
    /// One run with <see cref="RunCell.StreamsOutputs"/> hands its outputs so far to <paramref name="partial"/> as they
    /// come, and the answer holds the rest.
    /// </summary>
    public async Task<WorkerResponse?> SendAsync(WorkerRequest request, TimeSpan timeLimit,
        Func<InputRequest, CancellationToken, Task<string?>>? readLine = null, Action<IReadOnlyList<CellOutput>>? partial = null)
    {
        using var timeout = new CancellationTokenSource(timeLimit);
        StreamWriter input;
        StreamReader output;
        try
        {
            (input, output) = await _channel.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            return null;
        }
        string? message = WorkerProtocol.Serialize(request);
        while (true)
        {
            string? line;
            try
            {
                if (message is not null) await input.WriteLineAsync(message);
                message = null;
                line = await output.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
                return null;
            }
            catch (IOException)
            {
                throw Crashed();
            }
            if (line is null) throw Crashed();
            WorkerResponse response;
            try
            {
                response = WorkerProtocol.Deserialize<WorkerResponse>(line);
            }
            catch (System.Text.Json.JsonException)
            {
                Kill();
                throw new WorkerCrashedException("the worker sent an answer the runner could not read.");
            }
            if (response.Partial)
            {
                partial?.Invoke(response.Outputs);
                continue;
            }
            if (response.Input is not { } asked) return response;
            try
            {
                message = WorkerProtocol.Serialize<WorkerRequest>(new ProvideInput(readLine is null ? null : await readLine(asked, timeout.Token)));
            }
            catch (OperationCanceledException)
            {
                Kill();
                return null;
            }
        }
    }

    private WorkerCrashedException Crashed()
    {
        _process.WaitForExit(2000);
        var code = _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";
        string detail;
        lock (_stderr) detail = _stderr.ToString().Trim();
        var reason = _killed ? "it was stopped by the runner"
            : detail.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) ? "a stack overflow, most often from recursion that never stops"
            : code == "137" || detail.Contains("OutOfMemory", StringComparison.Ordinal) ? "running out of memory"
            : code == "0" ? "it exited on its own, e.g. by Environment.Exit"
            : $"exit code {code}";
        return new WorkerCrashedException($"the notebook's process ended unexpectedly ({reason}).");
    }

    /// <summary>Ends the worker now; a request waiting on it fails as a crash.</summary>
    public void Kill()
    {
        _killed = true;
        // Walking the process tree reads all of /proc; inside bubblewrap's pid namespace it is not needed.
        try { _process.Kill(entireProcessTree: !_confined); } catch (InvalidOperationException) { }
        try { _process.WaitForExit(5000); } catch (InvalidOperationException) { }
    }

    /// <summary>Ends the worker (gently, then by force) and frees what it held; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            if (_channel.IsCompletedSuccessfully) _channel.Result.Input.Close(); // the worker ends when its channel closes
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            Kill();
        }
        _ended.Cancel();
        if (_channel.IsCompletedSuccessfully) _channel.Result.Output.Dispose();
        _process.Dispose();
        _ended.Dispose();
        _taskLimit?.Dispose();
    }
}

public sealed class WorkerCrashedException(string message) : Exception(message);

/// <summary>The grader could not start a worker for reasons of its own (not the notebook's): grading cannot go on.</summary>
public sealed class WorkerStartException(string message) : Exception(message);
