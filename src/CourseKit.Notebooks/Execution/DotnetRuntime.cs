namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The shared .NET install that runs this process, as much of it as <c>dotnet exec</c> needs to start a worker on the
/// same runtime: the host (<see cref="Muxer"/>), its resolver (<see cref="HostFxrFolder"/>) and this runtime's shared
/// framework (<see cref="FrameworkFolder"/>). The SDK, other runtimes and the NuGet cache are not part of it.
/// </summary>
public sealed record DotnetRuntime(string FrameworkFolder, string Muxer, string? HostFxrFolder)
{
    /// <summary>The runtime of this process: the framework folder is the one <c>System.Private.CoreLib</c> was loaded from.</summary>
    public static DotnetRuntime Current { get; } = Find();

    /// <summary>Whether <see cref="Muxer"/> exists, i.e. this process runs on a shared install, not a self-contained app.</summary>
    public bool IsShared => File.Exists(Muxer) && HostFxrFolder is not null;

    private static DotnetRuntime Find()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        // <root>/shared/Microsoft.NETCore.App/<version>
        var root = Path.GetFullPath(Path.Combine(framework, "..", "..", ".."));
        var fxr = Path.Combine(root, "host", "fxr");
        // The host loads the newest resolver it finds, so that one alone is enough.
        var newest = Directory.Exists(fxr)
            ? Directory.EnumerateDirectories(fxr).Where(d => File.Exists(Path.Combine(d, "libhostfxr.so")))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)).FirstOrDefault()
            : null;
        return new DotnetRuntime(framework, Path.Combine(root, "dotnet"), newest);
    }
}
