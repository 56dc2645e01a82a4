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

    /// <summary>The run in one line, then one line per submission that is not gradable or was handed in twice.</summary>
    public static string Summary(ClassRun run, string outDir)
    {
        var seconds = run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var gradable = run.All.Where(r => r.IsGradable).ToList();
        var mean = gradable.Count == 0 ? "0" : gradable.Average(r => r.Total).ToString("0.#", CultureInfo.InvariantCulture);
        var problems = run.Graded.Count(r => r.Problems.Count > 0);
        var skipped = run.Skipped > 0 ? $", {run.Skipped} already graded (skipped; --force grades them again)" : "";
        var count = run.Graded.Count == 1 ? "1 submission" : $"{run.Graded.Count} submissions";
        var notGradable = run.All.Count - gradable.Count is var n and > 0 ? $"; {n} not gradable (no score)" : "";
        var lines = new List<string> { $"Graded {count} in {seconds} s{skipped}; {problems} with problems{notGradable}; class mean {mean} of {StudentResult.MaxTotal}; outputs in {outDir}." };
        lines.AddRange(run.All.Where(r => !r.IsGradable).Select(r => $"not gradable: {r.StudentId}: {r.NotGradable}"));
        lines.AddRange(run.All.Where(r => r.Conflict is not null).Select(r => $"conflict: {r.StudentId}: {r.Conflict}"));
        return string.Join(Environment.NewLine, lines);
    }
}
