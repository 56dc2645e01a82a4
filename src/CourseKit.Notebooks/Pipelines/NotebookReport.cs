namespace CourseKit.Notebooks.Pipelines;

public enum NotebookStatus { Passed, Failed, BadInput }

/// <summary>One notebook's outcome: how many cells, how long, and what went wrong if anything.</summary>
public sealed record NotebookReport(string Path, int Cells, TimeSpan Elapsed, NotebookStatus Status, string? Message)
{
    /// <summary>Time the runner spent compiling the notebook's cells (the worker only runs them), part of <see cref="Elapsed"/>.</summary>
    public TimeSpan CompileTime { get; init; }

    public static NotebookReport BadInput(string path, string problem) =>
        new(path, 0, TimeSpan.Zero, NotebookStatus.BadInput, problem);
}

/// <param name="OutputFolder">Where executed notebooks go; none are written when null.</param>
/// <param name="HtmlFolder">Where HTML pages go; none are written when null.</param>
public sealed record RunSettings(string? OutputFolder, string? HtmlFolder, TimeSpan CellTimeLimit)
{
    /// <summary>The packages notebooks may load with <c>#r</c> (see <see cref="Execution.RunOptions.Packages"/>).</summary>
    public Execution.PackageCatalog Packages { get; init; } = Execution.PackageCatalog.Empty;

    /// <summary>How pages draw charts (see <see cref="Rendering.NotebookPage.Render"/>).</summary>
    public Rendering.ChartAssets? Charts { get; init; }
}
