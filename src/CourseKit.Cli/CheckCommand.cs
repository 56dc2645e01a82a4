using System.CommandLine;
using CourseKit.Checking.NotebookChecks;
using CourseKit.Exercises.Model;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Cli;

/// <summary><c>coursekit check</c>: run exercise notebooks in the worker and print each exercise's verdict (public checks).</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("notebooks") { Description = "Exercise notebooks to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Check exercise notebooks with the public checks; exit code 0 only if every exercise passed.") { paths };
        command.SetAction(async (parse, cancel) =>
        {
            await using var workers = new WorkerPool();
            var checker = new NotebookChecker(workers, InstructorChecks.None);
            var allPassed = true;
            foreach (var path in parse.GetValue(paths)!)
            {
                var report = await checker.CheckAsync(path);
                Console.WriteLine(report.Text());
                allPassed &= report.Problem is null && report.Results.All(r => r.Status is Exercises.Evaluation.ExerciseStatus.Passed or Exercises.Evaluation.ExerciseStatus.NeedsManualGrading);
            }
            return allPassed ? 0 : 1;
        });
        return command;
    }
}
