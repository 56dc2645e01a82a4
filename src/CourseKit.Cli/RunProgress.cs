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
        var reports = new NotebookReport[files.Count];

        async Task RunOne(int index, Action? advance)
        {
            reports[index] = files[index].Problem is { } problem
                ? NotebookReport.BadInput(files[index].Path, problem)
                : await pipeline.RunAsync(files[index].Path, cancel);
            advance?.Invoke();
        }

        if (AnsiConsole.Profile.Capabilities.Interactive && files.Count > 0)
        {
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
            {
                var bar = context.AddTask("Running notebooks", maxValue: files.Count);
                await ForEach(files.Count, i => RunOne(i, () => bar.Increment(1)));
            });
        }
        else
        {
            await ForEach(files.Count, i => RunOne(i, null));
        }

        foreach (var report in reports) Console.WriteLine(Describe(report));
        var passed = reports.Count(r => r.Status == NotebookStatus.Passed);
        Console.WriteLine($"{passed} of {reports.Length} notebooks ran clean.");
        return reports;
    }

    // Notebooks run side by side, one worker each, as many as there are cores.
    private static Task ForEach(int count, Func<int, Task> body) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) },
            async (i, _) => await body(i));

    public static string Describe(NotebookReport report)
    {
        var name = Path.GetFileName(report.Path);
        var time = report.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return report.Status switch
        {
            NotebookStatus.Passed => $"ok      {name}  {report.Cells} cells  {time} s",
            NotebookStatus.Failed => $"FAILED  {name}  {report.Cells} cells  {time} s  {report.Message}",
            _ => $"ERROR   {report.Path}: {report.Message}",
        };
    }
}
