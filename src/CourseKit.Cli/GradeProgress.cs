using System.Globalization;
using CourseKit.Grading.Results;
using CourseKit.Grading.Running;
using Spectre.Console;

namespace CourseKit.Cli;

/// <summary>Grades with a progress bar on a terminal, then one summary line.</summary>
public static class GradeProgress
{
    public static async Task<ClassRun> RunAsync(ClassGrader grader, CancellationToken cancel)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return await grader.GradeAsync(cancel: cancel);
        ClassRun? run = null;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            ProgressTask? bar = null;
            run = await grader.GradeAsync(
                graded: _ => bar?.Increment(1),
                started: count => bar = context.AddTask($"Grading {count} submissions", maxValue: Math.Max(1, count)),
                cancel: cancel);
        });
        return run!;
    }

    public static string Summary(ClassRun run, string outDir)
    {
        var seconds = run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var mean = run.All.Count == 0 ? "0" : run.All.Average(r => r.Total).ToString("0.#", CultureInfo.InvariantCulture);
        var problems = run.Graded.Count(r => r.Problems.Count > 0);
        var skipped = run.Skipped > 0 ? $", {run.Skipped} already graded (skipped; --force grades them again)" : "";
        var count = run.Graded.Count == 1 ? "1 submission" : $"{run.Graded.Count} submissions";
        return $"Graded {count} in {seconds} s{skipped}; {problems} with problems; class mean {mean} of {StudentResult.MaxTotal}; outputs in {outDir}.";
    }
}
