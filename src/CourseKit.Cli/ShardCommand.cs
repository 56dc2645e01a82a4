using System.Globalization;
using CourseKit.Grading;
using CourseKit.Grading.Running;
using CourseKit.Grading.Sharding;

namespace CourseKit.Cli;

/// <summary>The sharded forms of <c>coursekit grade</c>: the summary of one shard, and <c>--merge</c>.</summary>
public static class ShardCommand
{
    public static string Summary(ClassRun run, Shard shard, string outDir)
    {
        var seconds = run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var skipped = run.Skipped > 0 ? $", {run.Skipped} already graded (skipped; --force grades them again)" : "";
        return $"Shard {shard}: graded {run.Graded.Count} of its {run.All.Count} submissions in {seconds} s{skipped}; results and {ShardManifest.FileName} in {outDir}. " +
               $"When all {shard.Count} shards are done: coursekit grade --merge SHARD_DIRS… --out DIR.";
    }

    /// <summary>The manual merge works on one folder of a whole class: on a merged folder, never on a shard.</summary>
    public static void RefuseMixed(string? manualSheet, string? shard, string[]? shardDirs)
    {
        if (manualSheet is not null && (shard is not null || shardDirs is { Length: > 0 }))
            throw new GradingException("--merge-manual works on the folder of a whole class: merge the shards first (--merge … --out GRADES), then --merge-manual GRADES/manual-grading.csv --out GRADES.");
    }

    public static int Merge(string[] shardDirs, string? submissions, string? shard, string outDir)
    {
        if (submissions is not null || shard is not null)
            throw new GradingException("--merge reads graded shards only: give it no submissions folder and no --shard.");
        var outcome = ShardMerge.Merge(shardDirs, outDir);
        Console.WriteLine($"Merged {outcome.Shards} shards: {outcome.All.Count} students; gradebooks, feedback and summary in {outDir}.");
        return 0;
    }
}
