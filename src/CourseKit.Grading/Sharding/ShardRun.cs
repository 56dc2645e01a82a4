using CourseKit.Grading.Results;
using CourseKit.Grading.Running;
using CourseKit.Grading.Submissions;

namespace CourseKit.Grading.Sharding;

/// <summary>What a shard run does besides grading its share: it is unfinished until its manifest is written, last.</summary>
public static class ShardRun
{
    /// <summary>Removes an earlier run's manifest (the folder is unfinished until this run ends) and gives the shard's share.</summary>
    public static IReadOnlyList<Submission> Start(Shard shard, IReadOnlyList<Submission> wholeClass, string outDir)
    {
        File.Delete(Path.Combine(outDir, ShardManifest.FileName));
        return shard.Share(wholeClass);
    }

    /// <summary>Writes <c>shard.json</c> and gives the results of the share (a folder may hold results of students in other shards from an earlier run).</summary>
    public static IReadOnlyList<StudentResult> Finish(Shard shard, IReadOnlyList<Submission> wholeClass, GradingSetup setup, IReadOnlyList<StudentResult> stored)
    {
        var manifest = ShardManifest.For(shard, wholeClass, setup.Limits);
        var share = manifest.Students.ToHashSet(StringComparer.Ordinal);
        manifest.Write(setup.OutDir);
        return stored.Where(r => share.Contains(r.StudentId)).ToList();
    }
}
