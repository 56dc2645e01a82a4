using System.Globalization;
using CourseKit.Notebooks.Pipelines;
using Spectre.Console;

namespace CourseKit.Cli;

/// <summary>Runs the notebooks with a progress bar on a terminal and prints one summary line each.</summary>
public static class RunProgress
{
    public static async Task<IReadOnlyList<NotebookReport>> RunAllAsync(IEnumerable<string> paths, RunSettings settings, CancellationToken cancel)
    {
        var files = NotebookFiles.Expand(paths);
        await using var pipeline = new RunPipeline(settings);
        IReadOnlyList<NotebookReport> reports = [];
        if (AnsiConsole.Profile.Capabilities.Interactive && files.Count > 0)
        {
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
            {
                var bar = context.AddTask($"Running {files.Count} notebooks", maxValue: files.Count);
                reports = await pipeline.RunAllAsync(files, _ => bar.Increment(1), cancel);
            });
        }
        else
        {
            reports = await pipeline.RunAllAsync(files, cancel: cancel);
        }

        foreach (var report in reports) Console.WriteLine(Describe(report));
        var passed = reports.Count(r => r.Status == NotebookStatus.Passed);
        Console.WriteLine($"{passed} of {reports.Count} notebooks ran clean.");
        return reports;
    }

    private static string Cells(int count) => count == 1 ? "1 cell" : $"{count} cells";

    public static string Describe(NotebookReport report)
    {
        var name = report.Path; // as the user gave it, so two notebooks with the same file name stay apart
        var time = report.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return report.Status switch
        {
            NotebookStatus.Passed => $"ok      {name}  {Cells(report.Cells)}  {time} s",
            NotebookStatus.Failed => $"FAILED  {name}  {Cells(report.Cells)}  {time} s  {report.Message}",
            _ => $"ERROR   {report.Path}: {report.Message}",
        };
    }
}
