using System.CommandLine;
using CourseKit.Checking.Site;
using CourseKit.Notebooks.Pipelines;
using CourseKit.Notebooks.Site;

namespace CourseKit.Cli;

/// <summary><c>coursekit site</c>: the self-study course site, a static folder that opens from disk.</summary>
public static class SiteCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the site into (new, empty, or a site built before).", Required = true };
        var repo = new Option<string>("--repo")
        {
            Description = "The course repository (holding notebooks/ and exercises/source). Default: the current folder.",
            DefaultValueFactory = _ => Directory.GetCurrentDirectory(),
        };
        var timeout = WholeNumberOption.Create("--timeout", "Time limit per cell when running the lessons, in seconds.", 60, WholeNumberOption.MaxSeconds, "seconds");

        var command = new Command("site", "Build the static course site: learning path, lessons with their outputs, exercises (student edition), search.")
        {
            output, repo, timeout,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var root = Path.GetFullPath(parse.GetValue(repo)!);
            try
            {
                var report = await CourseSite.BuildAsync(root, parse.GetValue(output)!, TimeSpan.FromSeconds(parse.GetValue(timeout)), Ran, cancel);
                Console.WriteLine($"Site written to {report.Folder}: {report.Pages} pages, {report.Bytes / 1_000_000.0:0.0} MB. Open {Path.Combine(report.Folder, "index.html")}");
                return 0;
            }
            catch (SiteException error)
            {
                foreach (var problem in error.Problems) Console.Error.WriteLine($"coursekit site: {problem}");
                return 2;
            }
        });
        return command;
    }

    private static void Ran(NotebookReport report) =>
        Console.WriteLine($"{(report.Status == NotebookStatus.Passed ? "ran" : "FAILED")}  {report.Path}  {report.Elapsed.TotalSeconds:0.0} s");
}
