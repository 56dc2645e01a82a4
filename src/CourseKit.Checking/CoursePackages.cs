using CourseKit.Exercises.InNotebook;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Checking;

/// <summary>The packages the course's notebooks load with <c>#r</c>: the engine's own, and the exercises.</summary>
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

    /// <summary>What <c>coursekit run</c>, <c>check</c> and <c>grade</c> answer <c>#r</c> with.</summary>
    public static PackageCatalog All { get; } = PackageCatalog.BuiltIn.With(Exercises);
}
