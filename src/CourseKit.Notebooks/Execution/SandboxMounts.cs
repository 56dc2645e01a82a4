using System.Globalization;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// What one confined worker's file system holds, as bubblewrap arguments: a read-only root built from the allowlist
/// alone. Each part and why it is there:
/// <list type="bullet">
/// <item>the dotnet host, its newest <c>hostfxr</c> and this runtime's shared framework: <c>dotnet exec</c> needs them to start the worker;</item>
/// <item>the system library folder and the dynamic loader with its links (<see cref="SystemLibraries"/>): libc, libstdc++, ICU for cultures and OpenSSL for hashing;</item>
/// <item>the app's own files (<see cref="AppFiles"/>): the worker and the student-visible kit assemblies it ships, nothing else of its folder; the folder whole where it holds nothing else, else file by file;</item>
/// <item><see cref="WorkerSandbox.ReadablePaths"/> (the student's own notebook folder), read-only;</item>
/// <item>a new <c>/dev</c> (null, zero, random, …) and a <c>/proc</c> of the worker's own pid namespace, both read-only;</item>
/// <item>a private <c>/tmp</c> capped at <see cref="WorkerSandbox.TmpBytes"/>, and the worker's channel folder in it.</item>
/// </list>
/// </summary>
public sealed class SandboxMounts
{
    // Read once per process: the C library's folder and the loader's links do not change while it runs.
    private static readonly Lazy<SystemLibraries> Libraries = new(() => SystemLibraries.For(DotnetRuntime.Current.Muxer));

    private readonly List<string> _arguments = [];
    private readonly List<string> _boundFolders = [];
    private readonly HashSet<string> _made = new(StringComparer.Ordinal);

    private SandboxMounts()
    {
    }

    public static SandboxMounts For(WorkerSandbox sandbox, string program, string? app, string? channelFolder)
    {
        var runtime = DotnetRuntime.Current;
        if (!runtime.IsShared)
            throw new WorkerStartException($"the sandbox runs the worker on a shared .NET install, and none was found beside {runtime.FrameworkFolder}.");
        var mounts = new SandboxMounts();
        // /tmp first: anything bound below it (an unpacked zip, the channel) is mounted on top of the new tmpfs.
        mounts.Add("--size", sandbox.TmpBytes.ToString(CultureInfo.InvariantCulture), "--tmpfs", "/tmp");

        var libraries = Libraries.Value;
        foreach (var folder in libraries.Folders) mounts.BindFolder(folder);
        foreach (var link in libraries.Links) mounts.Link(link);
        if (libraries.Loader is { } loader) mounts.BindFile(loader);

        mounts.BindFile(runtime.Muxer);
        if (program != runtime.Muxer && Path.IsPathRooted(program)) mounts.BindFile(program);
        mounts.BindFolder(runtime.HostFxrFolder!);
        mounts.BindFolder(runtime.FrameworkFolder);
        // Its folder whole when that holds nothing else (the ReadyToRun copy does): each mount costs bubblewrap a read of
        // the mount table, a worker's start ~4 ms of CPU for the ~18 files.
        if (app is not null && AppFiles.IsAppFolder(app)) mounts.BindFolder(Path.GetDirectoryName(Path.GetFullPath(app))!);
        else if (app is not null)
            foreach (var file in AppFiles.Of(app)) mounts.BindFile(file);

        foreach (var readable in sandbox.ReadablePaths.Select(Path.GetFullPath).Distinct().OrderBy(p => p.Length))
        {
            if (Directory.Exists(readable)) mounts.BindFolder(readable);
            else if (File.Exists(readable)) mounts.BindFile(readable);
        }
        // Read-only: connecting to a socket writes nothing, and nothing else may be written outside the capped /tmp.
        if (channelFolder is not null) mounts.Add("--ro-bind", channelFolder, channelFolder);

        mounts.Add("--dev", "/dev", "--remount-ro", "/dev", "--proc", "/proc");
        // The root that bubblewrap builds is a tmpfs without a size limit; read-only, nothing can be written there.
        mounts.Add("--remount-ro", "/");
        mounts.Add("--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
            "--die-with-parent", "--new-session",
            // Run as root, bubblewrap would leave the sandbox its capabilities, and with them a way to mount
            // what is not on the allowlist and to raise its own limits.
            "--cap-drop", "ALL");
        return mounts;
    }

    public IReadOnlyList<string> Arguments() => _arguments;

    private void Add(params string[] arguments) => _arguments.AddRange(arguments);

    private void BindFolder(string folder)
    {
        if (Covered(folder) || !_made.Add(folder)) return;
        _boundFolders.Add(folder);
        Add("--ro-bind", folder, folder);
    }

    private void BindFile(string file)
    {
        if (Covered(file) || !_made.Add(file)) return;
        Add("--ro-bind", file, file);
    }

    // A link inside a bound folder is there already, as on the host.
    private void Link(SymbolicLink link)
    {
        if (Covered(link.Path) || !_made.Add(link.Path)) return;
        Add("--symlink", link.Target, link.Path);
    }

    private bool Covered(string path) =>
        _boundFolders.Any(folder => path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal));
}
