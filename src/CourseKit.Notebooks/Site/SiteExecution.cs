using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Pipelines;
using CourseKit.Notebooks.Rendering;

namespace CourseKit.Notebooks.Site;

/// <summary>How the site runs its notebooks and draws their charts.</summary>
/// <param name="Packages">What <c>#r "nuget: …"</c> may load (as in <c>coursekit run</c>).</param>
/// <param name="Charts">plotly.js and its config; without them, charts show the HTML their outputs carry.</param>
public sealed record SiteRunSettings(TimeSpan CellTimeLimit, PackageCatalog Packages, ChartAssets? Charts)
{
    /// <summary>Called as each notebook finishes.</summary>
    public Action<NotebookReport>? Ran { get; init; }
}

/// <summary>The notebooks the site ran, with their outputs, by page source.</summary>
public sealed record ExecutedNotebooks(IReadOnlyDictionary<string, Notebook> BySource);

/// <summary>
/// Runs every page's notebook that has a <see cref="PlannedPage.RunFrom"/> file through the course run
/// (<see cref="RunPipeline"/>), so pages show real outputs. A notebook that fails stops the build, naming it and the cell.
/// </summary>
public static class SiteExecution
{
    public static async Task<ExecutedNotebooks> RunAsync(SitePlan plan, SiteRunSettings settings, CancellationToken cancel = default)
    {
        var toRun = plan.Pages.Where(p => p.RunFrom is not null).ToList();
        var folder = Path.Combine(Path.GetTempPath(), "coursekit-site-run-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var files = toRun.Select((page, i) => new NotebookFile(page.RunFrom!, null)
            {
                OutputName = NotebookFiles.ExecutedName($"{i:00}-{Path.GetFileName(page.RunFrom!)}"),
            }).ToList();
            await using var pipeline = new RunPipeline(new RunSettings(folder, null, settings.CellTimeLimit) { Packages = settings.Packages });
            var reports = await pipeline.RunAllAsync(files, settings.Ran, cancel);
            var problems = reports.Zip(toRun)
                .Where(r => r.First.Status != NotebookStatus.Passed)
                .Select(r => $"{r.Second.Source}: it does not run clean, so its page would show an error: {r.First.Message}")
                .ToList();
            if (problems.Count > 0) throw new SiteException(problems);
            return new ExecutedNotebooks(toRun.Zip(files).ToDictionary(
                p => p.First.Source, p => Notebook.Load(Path.Combine(folder, p.Second.OutputName)), StringComparer.Ordinal));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
