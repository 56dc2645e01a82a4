namespace CourseKit.Notebooks.Export;

/// <summary>What a notebook's <c>#r "nuget: …"</c> line for a package becomes in a file-based app.</summary>
public abstract record AppReference
{
    private AppReference() { }

    /// <summary><c>#:package Id@Version</c>: a package on a NuGet feed.</summary>
    public sealed record Package(string Id, string Version) : AppReference;

    /// <summary><c>#:project path</c>: a package the kit builds from source (e.g. the course library).</summary>
    public sealed record Project(string CsprojPath) : AppReference;

    /// <summary>Nothing: the package only serves notebooks; <paramref name="Reason"/> goes into the app as a comment.</summary>
    public sealed record Omitted(string Reason) : AppReference;
}

/// <summary>
/// The library an exported app runs on (display, results, charts), reached through <c>#:project</c>; the layer that
/// composes the course names it, as it names the packages: the engine knows neither.
/// </summary>
/// <param name="CsprojPath">The runtime's project file.</param>
/// <param name="Usings">Namespaces every app imports for it (e.g. <c>static …NotebookGlobals</c> for <c>display(x)</c>).</param>
/// <param name="EntryClass">The class whose <c>Start()</c>, <c>Cell(n)</c>, <c>Result(() =&gt; …)</c> and <c>ResultAsync(async () =&gt; …)</c> the app calls.</param>
/// <param name="HeaderLines">What the app's opening comment says about the runtime (where charts go, say).</param>
public sealed record AppRuntime(string CsprojPath, IReadOnlyList<string> Usings, string EntryClass, IReadOnlyList<string> HeaderLines);

/// <summary>How an exporter translates references: packages by id, assemblies the kit builds by name, and the runtime.</summary>
public sealed record AppReferences(AppRuntime Runtime)
{
    /// <summary>By package id, case-insensitive.</summary>
    public IReadOnlyDictionary<string, AppReference> Packages { get; init; } = new Dictionary<string, AppReference>();

    /// <summary>Project files by assembly name, case-insensitive: <c>#r "…/CourseKit.dll"</c> becomes <c>#:project</c> of CourseKit's.</summary>
    public IReadOnlyDictionary<string, string> Projects { get; init; } = new Dictionary<string, string>();

    public AppReference? Package(string id) =>
        Packages.FirstOrDefault(p => string.Equals(p.Key, id, StringComparison.OrdinalIgnoreCase)).Value;

    public string? ProjectOf(string assemblyName) =>
        Projects.FirstOrDefault(p => string.Equals(p.Key, assemblyName, StringComparison.OrdinalIgnoreCase)).Value;
}
