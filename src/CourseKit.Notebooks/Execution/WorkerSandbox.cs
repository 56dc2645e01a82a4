using System.Diagnostics;
using System.Globalization;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// How a worker is confined. On Linux with bubblewrap the worker sees an allowlist and nothing else: the .NET runtime
/// that runs the grader (<see cref="DotnetRuntime"/>), the system's native libraries (<see cref="SystemLibraries"/>), the
/// worker's own files as its <c>.deps.json</c> names them (<see cref="AppFiles"/>), <see cref="ReadablePaths"/> read-only,
/// a minimal <c>/dev</c> and <c>/proc</c>, and a private <c>/tmp</c> of at most <see cref="TmpBytes"/>. Everything else
/// (build outputs beside the worker, the NuGet cache, home folders, other checkouts) does not exist inside; the file
/// system is read-only but for <c>/tmp</c>, and there is no network. The memory limit is the .NET heap limit, plus an
/// address-space cap (prlimit) that also bounds memory allocated outside the heap; both hold with or without
/// bubblewrap. <c>/tmp</c> is memory too, but not in the worker's address space, so a worker may hold up to
/// <see cref="MemoryLimitBytes"/> + <see cref="TmpBytes"/>. <see cref="MaxTasks"/> caps the worker's processes and
/// threads, where a <see cref="TaskLimit"/> can be made.
/// </summary>
public sealed record WorkerSandbox(
    IReadOnlyList<string> ReadablePaths,
    long? MemoryLimitBytes,
    bool UseBubblewrap = true,
    int? MaxTasks = null,
    long TmpBytes = WorkerSandbox.DefaultTmpBytes)
{
    public const string Bubblewrap = "/usr/bin/bwrap";

    /// <summary>util-linux's prlimit, which caps the worker's address space.</summary>
    public const string Prlimit = "/usr/bin/prlimit";

    /// <summary>The default size of a worker's private <c>/tmp</c>.</summary>
    public const long DefaultTmpBytes = 64L * 1024 * 1024;

    /// <summary>
    /// What the .NET runtime reserves besides its heap (code, stacks, mapped assemblies) when its address space is
    /// capped; the cap is the heap limit plus this, so memory allocated outside the heap is bounded too.
    /// </summary>
    public const long RuntimeAddressSpace = 3584L * 1024 * 1024;

    private static readonly HashSet<string> KeptEnvironment = ["PATH", "LANG", "DOTNET_ROOT", "TMPDIR", "HOME"];

    /// <summary>No confinement: the course's own notebooks are trusted.</summary>
    public static WorkerSandbox None { get; } = new([], null, UseBubblewrap: false);

    private static readonly Lazy<bool> Available = new(Probe);

    /// <summary>Whether bubblewrap is installed and allowed to make namespaces here.</summary>
    public static bool BubblewrapAvailable => Available.Value;

    public bool Confines => UseBubblewrap && BubblewrapAvailable;

    /// <summary>The command that starts <paramref name="program"/> with <paramref name="arguments"/> inside the sandbox.</summary>
    /// <param name="channelFolder">The folder of the worker's <see cref="WorkerChannel"/>, which the sandbox lets it reach.</param>
    /// <param name="taskLimit">The group the worker joins before anything else runs, made for <see cref="MaxTasks"/>.</param>
    /// <param name="app">The .NET app that <paramref name="program"/> runs (the worker's assembly): its files are readable inside.</param>
    public ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string? channelFolder = null, TaskLimit? taskLimit = null, string? app = null)
    {
        var command = new List<string>();
        // Outside bubblewrap, so that nothing but the worker's own files needs to be inside; the limit is inherited.
        if (MemoryLimitBytes is { } heap && File.Exists(Prlimit))
            command.AddRange([Prlimit, $"--as={heap + RuntimeAddressSpace}", "--"]);
        if (Confines)
        {
            command.Add(Bubblewrap);
            command.AddRange(SandboxMounts.For(this, program, app, channelFolder).Arguments());
            command.Add("--");
        }
        command.Add(program);
        command.AddRange(arguments);
        if (taskLimit is not null) command = [.. taskLimit.Wrap(command)];

        var start = new ProcessStartInfo(command[0]);
        foreach (var argument in command.Skip(1)) start.ArgumentList.Add(argument);
        if (!ReferenceEquals(this, None))
        {
            // Confined code sees none of the runner's environment (tokens, paths): only what a worker needs.
            var kept = start.Environment.Where(v => KeptEnvironment.Contains(v.Key)).ToList();
            start.Environment.Clear();
            foreach (var (name, value) in kept) start.Environment[name] = value;
        }
        if (MemoryLimitBytes is { } limit)
            start.Environment["DOTNET_GCHeapHardLimit"] = limit.ToString("X", CultureInfo.InvariantCulture);
        if (Confines)
        {
            start.Environment["TMPDIR"] = "/tmp";
            start.Environment["HOME"] = "/tmp";
            start.Environment["DOTNET_CLI_HOME"] = "/tmp";
            // No debugger pipes or diagnostics socket in /tmp: nothing outside may attach to a confined worker.
            start.Environment["DOTNET_EnableDiagnostics"] = "0";
        }
        return start;
    }

    /// <summary>
    /// Whether code in this sandbox can read <paramref name="path"/>, following links: only within
    /// <see cref="ReadablePaths"/> (the runtime and the worker's own files are not for notebook code to name). The
    /// runner applies the same rule to the files it reads for the worker (<c>#r</c> assemblies).
    /// </summary>
    public bool CanRead(string path)
    {
        if (ReferenceEquals(this, None)) return true;
        var real = RealPath.Of(path);
        return ReadablePaths.Any(readable => IsWithin(real, RealPath.Of(readable)));
    }

    private static bool IsWithin(string path, string folder) =>
        string.Equals(path.TrimEnd('/'), folder.TrimEnd('/'), StringComparison.Ordinal)
        || path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Bubblewrap)) return false;
        try
        {
            var probe = new ProcessStartInfo(Bubblewrap) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "--ro-bind", "/", "/", "--unshare-net", "--", "/bin/true" })
                probe.ArgumentList.Add(argument);
            using var process = Process.Start(probe)!;
            process.WaitForExit(5000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
