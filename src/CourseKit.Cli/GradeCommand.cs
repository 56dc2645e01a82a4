using System.CommandLine;
using CourseKit.Grading;
using CourseKit.Grading.Isolation;
using CourseKit.Grading.Manual;
using CourseKit.Grading.Running;
using CourseKit.Grading.Sharding;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Cli;

/// <summary>
/// <c>coursekit grade &lt;submissions&gt; --out &lt;dir&gt;</c> grades a class; <c>coursekit grade --merge-manual &lt;sheet&gt; --out &lt;dir&gt;</c>
/// merges the filled manual-grading sheet; <c>--shard K/N</c> grades one shard of a class and <c>--merge DIR…</c> combines
/// the shards (<see cref="ShardCommand"/>). The exit code is non-zero only when the grader itself cannot run.
/// </summary>
public static class GradeCommand
{
    public static Command Create()
    {
        var submissions = new Argument<string?>("submissions")
        {
            Description = "Folder holding one folder (or <id>.zip) per student, named by the student id.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string>("--out") { Description = "Folder for grades, gradebook, feedback, summary and results.", Required = true };
        var force = new Option<bool>("--force") { Description = "Grade again students already graded in --out." };
        var mergeManual = new Option<string?>("--merge-manual") { Description = "A filled manual-grading.csv: merge its points and update every output." };
        var shard = new Option<string?>("--shard") { Description = "Grade only shard K of N (K counts from 0, as $JOB_COMPLETION_INDEX or $SLURM_ARRAY_TASK_ID): writes results/ and shard.json to --out.", HelpName = "K/N" };
        var merge = new Option<string[]>("--merge")
        {
            Description = "The --out folders of every shard: merge them into --out as one run of the whole class.",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
            HelpName = "DIR",
        };
        var cellLimit = WholeNumberOption.Create("--timeout-cell", "Time limit per cell, in seconds.",
            (int)GradingLimits.Default.CellTimeLimit.TotalSeconds, WholeNumberOption.MaxSeconds, "seconds");
        var submissionLimit = WholeNumberOption.Create("--timeout-submission", "Time limit per submission, in seconds.",
            (int)GradingLimits.Default.SubmissionTimeLimit.TotalSeconds, WholeNumberOption.MaxSeconds, "seconds");
        var memory = WholeNumberOption.Create("--memory-mb", "Memory limit per submission: the worker's .NET heap, in MB (memory outside the heap is capped by an address-space limit too).",
            GradingLimits.Default.MemoryMegabytes, 1_048_576, "MB");
        var tmp = WholeNumberOption.Create("--tmp-mb", "Size of each submission's private /tmp, in MB. It is memory too: a submission's memory budget is --memory-mb plus this.",
            GradingLimits.DefaultTmpMegabytes, 1_048_576, "MB");
        var parallel = WholeNumberOption.Create("--parallel", "Submissions graded at once (each in its own sandboxed worker); by default one more than the cores.",
            GradingLimits.DefaultParallel, 256, "submissions");
        var maxNotebook = WholeNumberOption.Create("--max-notebook-mb", "Largest exercise notebook read, in MB (a zip entry's unpacked size too); a submission with a larger one is not gradable.",
            GradingLimits.DefaultMaxNotebookMegabytes, GradingLimits.MaxNotebookMegabytesAllowed, "MB");

        var command = new Command("grade", "Grade a class in sandboxed workers: grades.csv, a Canvas gradebook, feedback per student, a class summary and a manual-grading sheet.")
        {
            submissions, output, force, mergeManual, cellLimit, submissionLimit, memory, tmp, maxNotebook, parallel, shard, merge,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var outDir = Path.GetFullPath(parse.GetValue(output)!);
            try
            {
                ShardCommand.RefuseMixed(parse.GetValue(mergeManual), parse.GetValue(shard), parse.GetValue(merge));
                if (parse.GetValue(mergeManual) is { } sheet)
                    return Merge(Path.GetFullPath(sheet), outDir);
                if (parse.GetValue(merge) is { Length: > 0 } shardDirs)
                    return ShardCommand.Merge(shardDirs, parse.GetValue(submissions), parse.GetValue(shard), outDir);
                if (parse.GetValue(submissions) is not { } folder)
                {
                    Console.Error.WriteLine("coursekit grade: give the submissions folder, --merge <shard folders…> or --merge-manual <sheet>.");
                    return 2;
                }
                var share = parse.GetValue(shard) is { } given ? Shard.Parse(given) : null;
                var limits = new GradingLimits(TimeSpan.FromSeconds(parse.GetValue(cellLimit)), TimeSpan.FromSeconds(parse.GetValue(submissionLimit)), parse.GetValue(memory),
                    Parallel: parse.GetValue(parallel), TmpMegabytes: parse.GetValue(tmp), MaxNotebookMegabytes: parse.GetValue(maxNotebook));
                var setup = new GradingSetup(Path.GetFullPath(folder), outDir, limits);
                foreach (var warning in GradingSandbox.Warnings) Console.Error.WriteLine(warning);
                if (GradingSandbox.MemoryWarning(limits, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) is { } memoryWarning) Console.Error.WriteLine(memoryWarning);
                var run = await GradeProgress.RunAsync(new ClassGrader(setup, parse.GetValue(force), share), cancel);
                Console.WriteLine(share is null ? GradeProgress.Summary(run, outDir) : ShardCommand.Summary(run, share, outDir));
                return 0;
            }
            catch (Exception error) when (error is GradingException or FileNotFoundException or WorkerStartException)
            {
                Console.Error.WriteLine($"coursekit grade: {error.Message}");
                return 2;
            }
        });
        return command;
    }

    private static int Merge(string sheet, string outDir)
    {
        var outcome = ManualMerge.Merge(sheet, outDir);
        foreach (var error in outcome.Errors) Console.Error.WriteLine(error);
        if (outcome.Errors.Count > 0)
        {
            Console.Error.WriteLine($"coursekit grade: nothing merged; fix the {outcome.Errors.Count} row(s) above and merge again.");
            return 2;
        }
        Console.WriteLine($"Merged {outcome.Merged} manual grades; totals and every output in {outDir} updated.");
        return 0;
    }
}
