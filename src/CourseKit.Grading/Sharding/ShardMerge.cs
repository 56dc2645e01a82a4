using CourseKit.Grading.Outputs;
using CourseKit.Grading.Results;

namespace CourseKit.Grading.Sharding;

/// <summary>
/// <c>coursekit grade --merge DIR… --out DIR</c>: checks that the shard folders are every shard of one class, graded
/// alike, then copies their results into the output folder and writes the class's outputs from them, as one run would.
/// Everything is checked before anything is written; a problem is a <see cref="GradingException"/> naming the folder.
/// Manual points already merged into the output folder are kept for free-text answers that did not change.
/// </summary>
public static class ShardMerge
{
    /// <summary>What a merge gave: the class's results and the shards they came from.</summary>
    public sealed record Outcome(IReadOnlyList<StudentResult> All, int Shards);

    /// <summary>One shard folder, its manifest and its share's results.</summary>
    private sealed record ShardFolder(string Dir, ShardManifest Manifest, IReadOnlyList<StudentResult> Results);

    public static Outcome Merge(IReadOnlyList<string> shardDirs, string outDir)
    {
        if (shardDirs.Count == 0)
            throw new GradingException("--merge: give the --out folder of every shard, e.g. --merge shards/0 shards/1 shards/2 --out grades.");
        var dirs = shardDirs.Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d))).ToList();
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        if (dirs.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new GradingException($"{twice.Key}: given twice to --merge; give each shard's folder once.");
        if (dirs.Contains(full, StringComparer.Ordinal))
            throw new GradingException($"{full}: is a shard folder and the --out folder; merge into a folder of its own.");

        var manifests = dirs.Select(d => (Dir: d, Manifest: ShardManifest.Read(d))).ToList();
        CheckTheyAreOneClass(manifests);
        var shards = manifests.Select(m => new ShardFolder(m.Dir, m.Manifest, LoadShare(m.Dir, m.Manifest))).ToList();
        var results = shards.SelectMany(s => s.Results).ToList();

        var store = new ResultStore(full);
        var known = results.Select(r => r.StudentId).ToHashSet(StringComparer.Ordinal);
        var strangers = store.LoadAll().Select(r => r.StudentId).Where(id => !known.Contains(id)).ToList();
        if (strangers.Count > 0)
            throw new GradingException($"{store.Folder}: holds results of {Names(strangers)}, who are in none of the shards; merge into an empty folder, or into the folder of an earlier merge of this class.");

        foreach (var result in results)
            store.Save(ManualCarryOver.Keep(store.Load(result.StudentId), result));
        var all = store.LoadAll();
        OutputWriter.WriteAll(full, all);
        return new Outcome(all, shards.Count);
    }

    private static void CheckTheyAreOneClass(IReadOnlyList<(string Dir, ShardManifest Manifest)> shards)
    {
        var (firstDir, first) = shards[0];
        foreach (var (dir, manifest) in shards.Skip(1))
        {
            if (manifest.Of != first.Of)
                throw new GradingException($"{dir}: is shard {manifest.Shard}/{manifest.Of}, but {firstDir} is shard {first.Shard}/{first.Of}; every shard of a class is graded with the same N.");
            if (manifest.ClassIds != first.ClassIds)
                throw new GradingException($"{dir}: was graded from other submissions ({manifest.ClassSize} students) than {firstDir} ({first.ClassSize} students); grade every shard from the same submissions folder, unchanged.");
            if (manifest.Course.Exercises != first.Course.Exercises)
                throw new GradingException($"{dir}: was graded with other exercises (catalog {Short(manifest.Course.Exercises)}) than {firstDir} (catalog {Short(first.Course.Exercises)}); grade every shard with the same course.");
            if (manifest.Course.Build != first.Course.Build)
                throw new GradingException($"{dir}: was graded by another build of the checks or the grader (build {Short(manifest.Course.Build)}) than {firstDir} (build {Short(first.Course.Build)}); grade every shard with the same build (one container image, or one shared build folder).");
            if (manifest.Limits != first.Limits)
                throw new GradingException($"{dir}: was graded under other limits ({Describe(manifest.Limits)}) than {firstDir} ({Describe(first.Limits)}); grade every shard with the same --timeout-cell, --timeout-submission and --memory-mb.");
        }
        var byIndex = shards.GroupBy(s => s.Manifest.Shard).ToList();
        if (byIndex.FirstOrDefault(g => g.Count() > 1) is { } same)
            throw new GradingException($"{same.First().Dir} and {same.Skip(1).First().Dir}: are both shard {same.Key}/{first.Of}; give each shard once.");
        var missing = Enumerable.Range(0, first.Of).Where(i => byIndex.All(g => g.Key != i)).ToList();
        if (missing.Count > 0)
            throw new GradingException($"shard {string.Join(", ", missing.Select(i => $"{i}/{first.Of}"))} missing: give the folders of all {first.Of} shards (given: {string.Join(", ", shards.Select(s => $"{s.Dir} = shard {s.Manifest.Shard}"))}).");

        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (dir, manifest) in shards)
            foreach (var id in manifest.Students)
            {
                if (id.Length == 0 || id != Path.GetFileName(id) || id is "." or "..")
                    throw new GradingException($"{dir}: its {ShardManifest.FileName} lists '{id}', which is not a student id (a submission's folder or zip name).");
                if (owner.TryGetValue(id, out var other))
                    throw new GradingException($"{dir}: lists student {id}, whom {other} lists too; shards must not overlap.");
                owner[id] = dir;
                if (Shard.Of(id, manifest.Of) != manifest.Shard)
                    throw new GradingException($"{dir}: lists student {id}, who belongs in shard {Shard.Of(id, manifest.Of)}/{manifest.Of}, not {manifest.Shard}/{manifest.Of}; its {ShardManifest.FileName} was not written by this grader.");
            }
        if (owner.Count != first.ClassSize)
            throw new GradingException($"the shards list {owner.Count} students, but the class has {first.ClassSize}; grade the shards again from the same submissions folder.");
    }

    // Every student the manifest lists must have a result; results of other students in the folder are not this shard's.
    private static IReadOnlyList<StudentResult> LoadShare(string dir, ShardManifest manifest)
    {
        var store = new ResultStore(dir);
        var missing = manifest.Students.Where(id => !store.Has(id)).ToList();
        if (missing.Count > 0)
            throw new GradingException($"{dir}: has no result for {Names(missing)} (expected {store.PathOf(missing[0])}); grade shard {manifest.Shard}/{manifest.Of} again.");
        return manifest.Students.Select(id => store.Load(id)!).ToList();
    }

    private static string Names(IReadOnlyList<string> ids) =>
        ids.Count <= 5 ? string.Join(", ", ids) : $"{string.Join(", ", ids.Take(5))} and {ids.Count - 5} more";

    private static string Short(string digest) => digest.Length > 12 ? digest[..12] : digest;

    private static string Describe(ShardLimits limits) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cell {limits.CellSeconds} s, submission {limits.SubmissionSeconds} s, {limits.MemoryMegabytes} MB");
}
