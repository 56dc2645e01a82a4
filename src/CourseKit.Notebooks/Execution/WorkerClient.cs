using System.Diagnostics;
using System.Text;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The parent's handle on one worker process. Notebook code runs only in the worker; a cell that
/// overruns its time limit or crashes the worker ends that worker, never the parent.
/// </summary>
public sealed class WorkerClient : IAsyncDisposable
{
    public const string WorkerAssembly = "CourseKit.Worker.dll";

    private readonly Process _process;
    private readonly StreamWriter _input;
    private readonly StreamReader _output;
    private readonly StringBuilder _stderr = new();

    // Whether the worker runs in its own pid namespace, where every process it starts ends with it.
    private readonly bool _confined;

    private WorkerClient(Process process, bool confined)
    {
        _process = process;
        _confined = confined;
        _input = process.StandardInput;
        _input.AutoFlush = true;
        _output = process.StandardOutput;
        process.ErrorDataReceived += (_, e) => { lock (_stderr) if (_stderr.Length < 10_000) _stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a worker from the folder this assembly was loaded from, confined by <paramref name="sandbox"/>.</summary>
    public static WorkerClient Start(string? workerPath = null, WorkerSandbox? sandbox = null)
    {
        workerPath ??= DefaultWorkerPath;
        if (!File.Exists(workerPath))
            throw new FileNotFoundException($"The notebook worker is missing: {workerPath}. Build the solution first.");
        sandbox ??= WorkerSandbox.None;
        var start = sandbox.StartInfo(DotnetHost, ["exec", workerPath]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.StandardInputEncoding = new UTF8Encoding(false);
        start.StandardOutputEncoding = Encoding.UTF8;
        return new WorkerClient(ProcessLauncher.Start(start), sandbox.Confines);
    }

    /// <summary>
    /// The ReadyToRun copy of the worker when the build made one (see src/CourseKit.Worker/ReadyToRun.targets),
    /// else the plain worker beside this program.
    /// </summary>
    public static string DefaultWorkerPath =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, "worker-r2r", WorkerAssembly))
            ? Path.Combine(AppContext.BaseDirectory, "worker-r2r", WorkerAssembly)
            : Path.Combine(AppContext.BaseDirectory, WorkerAssembly);

    // The host that runs this process runs the worker too; inside a sandbox PATH may not lead to it.
    private static string DotnetHost =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    /// <summary>
    /// Sends a request and waits for its answer. Returns null when the time limit passed (the worker
    /// is then killed) and throws <see cref="WorkerCrashedException"/> when the worker died.
    /// </summary>
    public async Task<WorkerResponse?> SendAsync(WorkerRequest request, TimeSpan timeLimit)
    {
        try
        {
            await _input.WriteLineAsync(WorkerProtocol.Serialize(request));
        }
        catch (IOException)
        {
            throw Crashed();
        }
        using var timeout = new CancellationTokenSource(timeLimit);
        string? line;
        try
        {
            line = await _output.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            return null;
        }
        if (line is null) throw Crashed();
        try
        {
            return WorkerProtocol.Deserialize<WorkerResponse>(line);
        }
        catch (System.Text.Json.JsonException)
        {
            Kill();
            throw new WorkerCrashedException("the worker sent an answer the runner could not read.");
        }
    }

    private WorkerCrashedException Crashed()
    {
        _process.WaitForExit(2000);
        var code = _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";
        string detail;
        lock (_stderr) detail = _stderr.ToString().Trim();
        var reason = detail.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) ? "a stack overflow (unbounded recursion?)"
            : code == "137" || detail.Contains("OutOfMemory", StringComparison.Ordinal) ? "running out of memory"
            : code == "0" ? "it exited on its own, e.g. by Environment.Exit"
            : $"exit code {code}";
        return new WorkerCrashedException($"the notebook's process ended unexpectedly ({reason}).");
    }

    /// <summary>Ends the worker now; a request waiting on it fails as a crash.</summary>
    public void Kill()
    {
        // Walking the process tree reads all of /proc; inside bubblewrap's pid namespace it is not needed.
        try { _process.Kill(entireProcessTree: !_confined); } catch (InvalidOperationException) { }
        try { _process.WaitForExit(5000); } catch (InvalidOperationException) { }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _input.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            Kill();
        }
        _process.Dispose();
    }
}

public sealed class WorkerCrashedException(string message) : Exception(message);
