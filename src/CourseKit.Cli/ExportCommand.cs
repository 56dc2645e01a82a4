using System.CommandLine;
using CourseKit.Checking;
using CourseKit.Notebooks.Export;
using CourseKit.Notebooks.Pipelines;

namespace CourseKit.Cli;

/// <summary><c>coursekit export</c>: write each notebook as a C# file-based app.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Notebooks (.ipynb, .dib) or folders holding them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out") { Description = "Folder for the apps (folders mirrored as by run).", Required = true };

        var command = new Command("export", "Export notebooks as C# file-based apps (dotnet run <app>.cs); the exit code is 0 only if every notebook exported.")
        {
            paths, output,
        };
        command.SetAction(parse =>
        {
            var source = CourseApps.FindSource(AppContext.BaseDirectory);
            if (source is null)
            {
                Console.Error.WriteLine($"export needs the course's source (src/CourseKit.Apps, which the apps build on) above {AppContext.BaseDirectory}; run the coursekit built in a clone of the course.");
                return 2;
            }
            var pipeline = new ExportPipeline(parse.GetValue(output)!, CourseApps.References(source));
            var reports = pipeline.ExportAll(NotebookFiles.Expand(parse.GetValue(paths)!));
            foreach (var report in reports) Console.WriteLine(Describe(report));
            var exported = reports.OfType<ExportReport.Exported>().ToList();
            var comments = exported.Sum(r => r.Untranslated.Count);
            Console.WriteLine($"{exported.Count} of {reports.Count} notebooks exported; {comments} {(comments == 1 ? "part" : "parts")} not translated, kept as comments.");
            return exported.Count == reports.Count ? 0 : 1;
        });
        return command;
    }

    public static string Describe(ExportReport report) => report switch
    {
        ExportReport.Exported app => $"ok      {app.Path}  ->  {Path.GetRelativePath(Directory.GetCurrentDirectory(), app.AppPath)}  {app.CodeCells} code cells" +
            string.Concat(app.Untranslated.Select(n => $"\n        not translated, kept as a comment: {n}")),
        ExportReport.Failed failed => $"ERROR   {failed.Path}: {failed.Reason}",
        _ => throw new ArgumentOutOfRangeException(nameof(report)),
    };
}
