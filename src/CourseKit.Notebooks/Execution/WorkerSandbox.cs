using System.Diagnostics;
using System.Globalization;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// How a worker is confined. On Linux with bubblewrap: no network, a read-only file system with a
/// private /tmp, and <see cref="HiddenPaths"/> replaced by empty folders (so instructor sources, hidden
/// checks, other submissions and outputs cannot be read), except <see cref="VisiblePaths"/>, which stay
/// readable; a hidden path that is a file cannot be opened. The memory limit is the .NET heap limit, plus an
/// address-space cap (prlimit) that also bounds memory allocated outside the heap; both hold with or without bubblewrap.
/// <see cref="MaxTasks"/> caps the worker's processes and threads, where a <see cref="TaskLimit"/> can be made.
/// </summary>
public sealed record WorkerSandbox(
    IReadOnlyList<string> HiddenPaths,
    IReadOnlyList<string> VisiblePaths,
    long? MemoryLimitBytes,
    bool UseBubblewrap = true,
    int? MaxTasks = null)
{
    public const string Bubblewrap = "/usr/bin/bwrap";

    /// <summary>util-linux's prlimit, which caps the worker's address space.</summary>
    public const string Prlimit = "/usr/bin/prlimit";

    /// <summary>
    /// What the .NET runtime reserves besides its heap (code, stacks, mapped assemblies) when its address space is
    /// capped; the cap is the heap limit plus this, so memory allocated outside the heap is bounded too.
    /// </summary>
    public const long RuntimeAddressSpace = 3584L * 1024 * 1024;

    private static readonly HashSet<string> KeptEnvironment = ["PATH", "LANG", "DOTNET_ROOT", "TMPDIR", "HOME"];

    /// <summary>No confinement: the course's own notebooks are trusted.</summary>
    public static WorkerSandbox None { get; } = new([], [], null, UseBubblewrap: false);

    private static readonly Lazy<bool> Available = new(Probe);

    /// <summary>Whether bubblewrap is installed and allowed to make namespaces here.</summary>
    public static bool BubblewrapAvailable => Available.Value;

    public bool Confines => UseBubblewrap && BubblewrapAvailable;

    /// <summary>The command that starts <paramref name="program"/> with <paramref name="arguments"/> inside the sandbox.</summary>
    /// <param name="channelFolder">The folder of the worker's <see cref="WorkerChannel"/>, which the sandbox lets it reach.</param>
    /// <param name="taskLimit">The group the worker joins before anything else runs, made for <see cref="MaxTasks"/>.</param>
    public ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string? channelFolder = null, TaskLimit? taskLimit = null)
    {
        var command = new List<string>();
        if (Confines)
        {
            command.Add(Bubblewrap);
            command.AddRange(BubblewrapArguments());
            if (channelFolder is not null) command.AddRange(["--bind", channelFolder, channelFolder]);
            command.Add("--");
        }
        if (MemoryLimitBytes is { } heap && File.Exists(Prlimit))
            command.AddRange([Prlimit, $"--as={heap + RuntimeAddressSpace}", "--"]);
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
        }
        return start;
    }

    /// <summary>
    /// Whether code in this sandbox can read <paramref name="path"/>, following links: the runner applies the same
    /// rule to the files it reads for the worker (<c>#r</c> assemblies), so they cannot reach hidden ones either.
    /// </summary>
    public bool CanRead(string path)
    {
        var real = RealPath.Of(path);
        var hidden = HiddenPaths.Select(Path.GetFullPath).ToList();
        if (hidden.Any(h => File.Exists(h) && PathsEqual(h, real))) return false;
        if (VisiblePaths.Select(Path.GetFullPath).Any(v => IsWithin(real, v))) return true;
        return !hidden.Any(h => IsWithin(real, h));
    }

    private static bool PathsEqual(string a, string b) => string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);

    private static bool IsWithin(string path, string folder) =>
        PathsEqual(path, folder) || path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);

    private IEnumerable<string> BubblewrapArguments()
    {
        string[] baseArguments =
        [
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
            "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
            "--die-with-parent", "--new-session",
            // Run as root, bubblewrap would leave the sandbox its capabilities, and with them a way to unmount
            // what hides the course and to raise its own limits.
            "--cap-drop", "ALL",
        ];
        foreach (var argument in baseArguments) yield return argument;
        foreach (var hidden in HiddenPaths.Select(Path.GetFullPath).Distinct().Where(p => !File.Exists(p)))
        {
            yield return "--tmpfs";
            yield return hidden;
        }
        // Mounted after the hiding, so a visible folder inside a hidden one shows through again.
        foreach (var visible in VisiblePaths.Select(Path.GetFullPath).Distinct().OrderBy(p => p.Length))
        {
            yield return "--ro-bind";
            yield return visible;
            yield return visible;
        }
        // A hidden FILE (e.g. an instructor assembly next to the worker) becomes /dev/null on a nodev mount, which cannot be opened, even inside a visible folder.
        foreach (var hidden in HiddenPaths.Select(Path.GetFullPath).Distinct().Where(File.Exists))
        {
            yield return "--ro-bind";
            yield return "/dev/null";
            yield return hidden;
        }
    }

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
