using System.Diagnostics;

namespace CourseKit.GradeBench;

/// <summary>
/// The nbgrader-style baseline: one fresh process per notebook, one after another
/// (<c>dotnet CourseKit.Cli.dll check &lt;notebook&gt;</c>: a new CLI with a cold compiler and a new worker each time).
/// </summary>
public static class Baseline
{
    public static TimeSpan Run(string cliDll, IReadOnlyList<string> notebooks)
    {
        var clock = Stopwatch.StartNew();
        foreach (var notebook in notebooks)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "exec", cliDll, "check", notebook }) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
        }
        return clock.Elapsed;
    }
}
