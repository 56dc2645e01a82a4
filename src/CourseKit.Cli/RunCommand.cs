using System.CommandLine;
using CourseKit.Checking;
using CourseKit.Notebooks.Pipelines;

namespace CourseKit.Cli;

/// <summary><c>coursekit run</c>: execute notebooks, write them and their HTML pages.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Notebooks (.ipynb, .dib) or folders holding them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out") { Description = "Folder for the executed notebooks." };
        var html = new Option<string?>("--html") { Description = "Folder for the HTML pages." };
        var timeout = WholeNumberOption.Create("--timeout", "Time limit per cell, in seconds.", 60, WholeNumberOption.MaxSeconds, "seconds");

        var command = new Command("run", "Run notebooks headlessly; the exit code is 0 only if every notebook ran clean.")
        {
            paths, output, html, timeout,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var settings = new RunSettings(parse.GetValue(output), parse.GetValue(html), TimeSpan.FromSeconds(parse.GetValue(timeout)))
            {
                Packages = CoursePackages.All,
                Charts = CoursePages.Charts,
            };
            var reports = await RunProgress.RunAllAsync(parse.GetValue(paths)!, settings, cancel);
            return reports.All(r => r.Status == NotebookStatus.Passed) ? 0 : 1;
        });
        return command;
    }
}
