using System.Collections.Concurrent;
using System.Text.Json;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The files the .NET host may open to run one app: the app's assembly, its <c>.deps.json</c> and
/// <c>.runtimeconfig.json</c>, every asset its <c>.deps.json</c> names that exists beside it, and the symbols
/// (<c>.pdb</c>) beside those assemblies, which give an exception's frames in them their lines. Nothing else in the
/// app's folder belongs to it, so a folder shared with other programs (a build output holding instructor-only
/// assemblies, say) gives away nothing but these files.
/// </summary>
public static class AppFiles
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Cache = new(StringComparer.Ordinal);

    /// <summary>The app's files, full paths; read once per app and process.</summary>
    public static IReadOnlyList<string> Of(string appAssembly) => Cache.GetOrAdd(Path.GetFullPath(appAssembly), Read);

    private static IReadOnlyList<string> Read(string app)
    {
        var folder = Path.GetDirectoryName(app)!;
        var name = Path.GetFileNameWithoutExtension(app);
        var deps = Path.Combine(folder, name + ".deps.json");
        var files = new List<string> { app, deps, Path.Combine(folder, name + ".runtimeconfig.json") };
        if (File.Exists(deps)) files.AddRange(Assets(deps).SelectMany(asset => Candidates(folder, asset)));
        files.AddRange(files.Where(f => f.EndsWith(".dll", StringComparison.Ordinal)).Select(f => Path.ChangeExtension(f, ".pdb")).ToList());
        return files.Where(File.Exists).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Whether the app's folder holds its files (<see cref="Of"/>) and nothing else: no other file, no link, no folder
    /// without one of them. Such a folder can be shown whole. Looked at anew on every call.
    /// </summary>
    public static bool IsAppFolder(string appAssembly)
    {
        var app = Path.GetFullPath(appAssembly);
        var own = Of(app).ToHashSet(StringComparer.Ordinal);
        try
        {
            return HoldsOnly(new DirectoryInfo(Path.GetDirectoryName(app)!), own);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool HoldsOnly(DirectoryInfo folder, HashSet<string> own)
    {
        var any = false;
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null) return false;
            if (entry is DirectoryInfo inner ? !HoldsOnly(inner, own) : !own.Contains(entry.FullName)) return false;
            any = true;
        }
        return any;
    }

    /// <summary>An asset of the deps file: its path in the package, and its culture for a resource assembly.</summary>
    private sealed record Asset(string PackagePath, string? Locale);

    // The host looks for an app-local asset by file name beside the app (a resource one in its culture's folder), and
    // for one of a portable app's runtime-specific assets at its path in the package.
    private static IEnumerable<string> Candidates(string folder, Asset asset)
    {
        var file = Path.GetFileName(asset.PackagePath);
        yield return asset.Locale is null ? Path.Combine(folder, file) : Path.Combine(folder, asset.Locale, file);
        yield return Path.Combine(folder, asset.PackagePath);
    }

    private static IEnumerable<Asset> Assets(string depsFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(depsFile));
        var root = document.RootElement;
        if (!root.TryGetProperty("runtimeTarget", out var target) || !target.TryGetProperty("name", out var targetName)
            || !root.TryGetProperty("targets", out var targets) || !targets.TryGetProperty(targetName.GetString()!, out var libraries))
            yield break;
        var assets = new List<Asset>();
        foreach (var library in libraries.EnumerateObject())
        {
            foreach (var group in new[] { "runtime", "native", "resources", "runtimeTargets" })
            {
                if (!library.Value.TryGetProperty(group, out var entries)) continue;
                foreach (var entry in entries.EnumerateObject())
                    assets.Add(new Asset(entry.Name, entry.Value.TryGetProperty("locale", out var locale) ? locale.GetString() : null));
            }
        }
        foreach (var asset in assets) yield return asset;
    }
}
