using System.Reflection;
using System.Runtime.Loader;

namespace CourseKit.Kernels;

/// <summary>
/// Plotly.NET 6.0.0 is built against FSharp.Core 10.1, but .NET Interactive 1.0.712001 hosts FSharp.Core 10.0
/// in its default load context and cannot load a second one there, so every chart fails with
/// "Could not load file or assembly 'FSharp.Core, Version=10.1.0.0'". This handler answers such a request with
/// the FSharp.Core of the same major version that the process already has.
/// </summary>
/// <remarks>
/// Limits: it only answers for FSharp.Core, only with the same major version (a 10.x request gets the hosted
/// 10.y, never 9 or 11), and only for assemblies in the default load context. Code that calls an FSharp.Core
/// API added after the hosted version would fail with <see cref="MissingMethodException"/>; the course's charts
/// call none (every lesson's charts run in the real kernel in the test suite).
/// </remarks>
public static class FSharpCoreBinding
{
    private const string FSharpCore = "FSharp.Core";
    private static int _installed;

    /// <summary>Installs the handler once per process.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
            AssemblyLoadContext.Default.Resolving += (context, requested) => Resolve(context, requested);
    }

    /// <summary>
    /// The FSharp.Core to use for <paramref name="requested"/>: one already loaded with the same major version,
    /// else the one the host's own probing finds when asked without a version; null for anything else.
    /// </summary>
    public static Assembly? Resolve(AssemblyLoadContext context, AssemblyName requested)
    {
        if (!string.Equals(requested.Name, FSharpCore, StringComparison.OrdinalIgnoreCase) || requested.Version is null)
            return null;

        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName() is { Name: FSharpCore, Version: { } v } && v.Major == requested.Version.Major)
            .OrderByDescending(a => a.GetName().Version)
            .FirstOrDefault();
        if (loaded is not null)
            return loaded;

        try
        {
            // Without a version the default context binds to the FSharp.Core its host ships, if any;
            // a failure here does not come back to this handler, which ignores version-less requests.
            var hosted = context.LoadFromAssemblyName(new AssemblyName(FSharpCore));
            return hosted.GetName().Version?.Major == requested.Version.Major ? hosted : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
