using System.CommandLine;
using CourseKit.Checking.Release;

namespace CourseKit.Cli;

/// <summary><c>coursekit release</c>: instructor sources → student edition, or just the student notebooks.</summary>
public static class ReleaseCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the student edition (or notebooks) into.", Required = true };
        var repo = new Option<string>("--repo")
        {
            Description = "The course repository (holding exercises/source). Default: the current folder.",
            DefaultValueFactory = _ => Directory.GetCurrentDirectory(),
        };
        var notebooksOnly = new Option<bool>("--notebooks-only") { Description = "Write only the student notebooks (used for exercises/ in the repository)." };
        var syncSources = new Option<bool>("--sync-sources") { Description = "Also refresh the prompt cells of the instructor sources from the exercise catalog." };

        var command = new Command("release", "Make the student edition: solutions replaced by placeholders, hidden checks left out.")
        {
            output, repo, notebooksOnly, syncSources,
        };
        command.SetAction(parse =>
        {
            var root = Path.GetFullPath(parse.GetValue(repo)!);
            var target = Path.GetFullPath(parse.GetValue(output)!);
            try
            {
                if (parse.GetValue(syncSources))
                {
                    foreach (var source in ReleasePipeline.Sources(root))
                        ReleasePipeline.Apply(source, ReleasePipeline.SourceSteps).Save(source);
                }
                if (parse.GetValue(notebooksOnly))
                {
                    foreach (var written in ReleasePipeline.WriteStudentNotebooks(root, target))
                        Console.WriteLine($"wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), written)}");
                }
                else
                {
                    StudentEdition.Write(root, target);
                    Console.WriteLine($"Student edition written to {target}. Inside it: dotnet test");
                }
                return 0;
            }
            catch (ReleaseException error)
            {
                Console.Error.WriteLine($"coursekit release: {error.Message}");
                return 2;
            }
        });
        return command;
    }
}
