using CourseKit.Exercises.InNotebook;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Checking;

/// <summary>The packages the course's notebooks load with <c>#r</c>: charts, tables, the course library and the exercises.</summary>
public static class CoursePackages
{
    /// <summary>
    /// <c>Check()</c> and <c>Hint()</c>. They remember the answers and the hints shown in static fields, which
    /// <see cref="Checker.Reset"/> clears when the next notebook starts in the same worker.
    /// </summary>
    public static KitPackage Exercises { get; } = new("CourseKit.Exercises", "1.0.0", [typeof(Checker).Assembly])
    {
        SessionReset = Checker.Reset,
    };

    /// <summary>
    /// What <c>coursekit run</c>, <c>check</c>, <c>grade</c> and the kernel answer <c>#r</c> with. Plotly.NET.Interactive
    /// only teaches Polyglot to display charts; the kit displays them itself, so it maps to no assembly.
    /// </summary>
    public static PackageCatalog All { get; } = PackageCatalog.Of(
        new("Plotly.NET", "6.0.0", [typeof(Plotly.NET.GenericChart).Assembly]),
        new("Plotly.NET.CSharp", "0.14.0", [typeof(Plotly.NET.CSharp.Chart).Assembly, typeof(Plotly.NET.GenericChart).Assembly]),
        new("Plotly.NET.Interactive", "6.0.0", []),
        new("Microsoft.Data.Analysis", "0.23.1", [typeof(Microsoft.Data.Analysis.DataFrame).Assembly]),
        new("CourseKit", "1.0.0", [typeof(CourseKit.Judgment.FourDimensionCheck).Assembly]),
        Exercises);
}
