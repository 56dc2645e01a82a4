using System.Reflection;

namespace CourseKit.Notebooks.Execution;

/// <summary>A NuGet package the kit ships, and the assemblies that stand for it in the runner.</summary>
public sealed record KitPackage(string Id, string Version, IReadOnlyList<Assembly> Assemblies)
{
    private readonly Action? _sessionReset;

    /// <summary>
    /// For a package that remembers things about one notebook in static fields: a public static method without
    /// parameters that forgets them. A worker runs one notebook after another, and a package's assembly stays loaded
    /// in it between them, so when a notebook starts the worker calls this method if the assembly is loaded.
    /// </summary>
    public Action? SessionReset
    {
        get => _sessionReset;
        init
        {
            // The worker finds the method by name, so it must be one a name can find: not a lambda or an instance method.
            if (value is not null && (value.Target is not null || !value.Method.IsStatic || !value.Method.IsPublic || value.Method.DeclaringType?.FullName is null))
                throw new ArgumentException("A session reset must be a public static method of a named type.", nameof(value));
            _sessionReset = value;
        }
    }
}

/// <summary>
/// The packages a notebook may ask for with <c>#r "nuget: …"</c>. The runner does not download anything: it answers
/// those lines with the assemblies the kit was built with, so only these ids and versions work. The layer that runs
/// notebooks composes the catalog; the engine knows no package itself.
/// </summary>
public sealed class PackageCatalog
{
    private PackageCatalog(IReadOnlyList<KitPackage> all) => All = all;

    public IReadOnlyList<KitPackage> All { get; }

    /// <summary>No packages: the layer that runs notebooks says which it ships (the course's are in CourseKit.Checking).</summary>
    public static PackageCatalog Empty { get; } = new([]);

    /// <summary>A catalog of exactly <paramref name="packages"/> (a later one replaces an earlier one of the same id).</summary>
    public static PackageCatalog Of(params KitPackage[] packages) => packages.Aggregate(Empty, (catalog, package) => catalog.With(package));

    /// <summary>This catalog with <paramref name="package"/> added, in place of a package of the same id.</summary>
    public PackageCatalog With(KitPackage package) =>
        new([.. All.Where(p => !string.Equals(p.Id, package.Id, StringComparison.OrdinalIgnoreCase)), package]);

    /// <summary>Finds a package by id (case-insensitive) and, when given, NuGet-normalized version.</summary>
    public KitPackage Resolve(string id, string? version)
    {
        var package = All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw new PackageNotAvailableException(
                $"the package '{id}' is not one the kit ships; available: {Describe()}.");
        if (version is not null && NormalizeVersion(version) != package.Version)
            throw new PackageNotAvailableException(
                $"the kit has {package.Id} {package.Version}, not version {version}.");
        return package;
    }

    /// <summary>Every assembly the kit answers <c>#r</c> with, whether asked for by package or by path.</summary>
    public IEnumerable<Assembly> Assemblies => All.SelectMany(p => p.Assemblies).Distinct();

    /// <summary>The session resets of the packages that have one, as the worker finds them.</summary>
    public IReadOnlyList<SessionReset> SessionResets =>
        All.Select(p => p.SessionReset?.Method).OfType<MethodInfo>()
            .Select(m => new SessionReset(m.DeclaringType!.Assembly.GetName().Name!, m.DeclaringType.FullName!, m.Name))
            .ToList();

    public string Describe() => string.Join(", ", All.Select(p => $"{p.Id} {p.Version}"));

    /// <summary>NuGet treats 6.0 and 6.0.0 as the same version.</summary>
    internal static string NormalizeVersion(string version)
    {
        var parts = version.Trim().Split('.').ToList();
        while (parts.Count < 3) parts.Add("0");
        return string.Join('.', parts);
    }
}

public sealed class PackageNotAvailableException(string message) : Exception(message);
