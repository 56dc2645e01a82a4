using System.Reflection;

namespace CourseKit.Notebooks.Execution;

/// <summary>A NuGet package the kit ships, and the assemblies that stand for it in the runner.</summary>
public sealed record KitPackage(string Id, string Version, IReadOnlyList<Assembly> Assemblies);

/// <summary>
/// The packages a notebook may ask for with <c>#r "nuget: …"</c>. The runner does not download anything:
/// it answers those lines with the assemblies the kit was built with, so only these ids and versions work.
/// Plotly.NET.Interactive only teaches Polyglot to display charts; the runner displays them itself,
/// so it maps to no assembly.
/// </summary>
public static class KitPackages
{
    public static IReadOnlyList<KitPackage> All { get; } =
    [
        new("Plotly.NET", "6.0.0", [typeof(Plotly.NET.GenericChart).Assembly]),
        new("Plotly.NET.CSharp", "0.14.0", [typeof(Plotly.NET.CSharp.Chart).Assembly, typeof(Plotly.NET.GenericChart).Assembly]),
        new("Plotly.NET.Interactive", "6.0.0", []),
        new("Microsoft.Data.Analysis", "0.23.1", [typeof(Microsoft.Data.Analysis.DataFrame).Assembly]),
        new("CourseKit", "1.0.0", [typeof(CourseKit.Judgment.FourDimensionCheck).Assembly]),
        new("CourseKit.Exercises", "1.0.0", [typeof(CourseKit.Exercises.InNotebook.Checker).Assembly]),
    ];

    /// <summary>Finds a package by id (case-insensitive) and, when given, NuGet-normalized version.</summary>
    public static KitPackage Resolve(string id, string? version)
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
    public static IEnumerable<Assembly> Assemblies => All.SelectMany(p => p.Assemblies).Distinct();

    public static string Describe() => string.Join(", ", All.Select(p => $"{p.Id} {p.Version}"));

    /// <summary>NuGet treats 6.0 and 6.0.0 as the same version.</summary>
    internal static string NormalizeVersion(string version)
    {
        var parts = version.Trim().Split('.').ToList();
        while (parts.Count < 3) parts.Add("0");
        return string.Join('.', parts);
    }
}

public sealed class PackageNotAvailableException(string message) : Exception(message);
