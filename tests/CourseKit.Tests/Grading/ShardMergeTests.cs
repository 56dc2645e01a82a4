using System.Text.RegularExpressions;
using CourseKit.Grading;
using CourseKit.Grading.Isolation;
using CourseKit.Grading.Outputs;
using CourseKit.Grading.Results;
using CourseKit.Grading.Running;
using CourseKit.Grading.Sharding;
using CourseKit.Grading.Submissions;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>
/// <c>--merge</c> on shard folders made here from stored results (no workers): it writes what one run writes, and it
/// refuses, naming the folder, shards that are missing, doubled, overlapping or graded differently.
/// </summary>
public sealed partial class ShardMergeTests : IDisposable
{
    private static readonly string[] Ids = ["ada", "bob", "chen", "dana", "eve", "fay", "gus"];
    private static readonly IReadOnlyList<Submission> Class = Ids.Select(id => new Submission(id, "/subs/" + id, IsZip: false)).ToList();

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static StudentResult Result(string id) =>
        SubmissionGrader.Failed(id, $"{id}: the notebook could not be read.") with { FreeText = [new FreeTextAnswer("L1.E2", $"{id}'s answer")] };

    private string Shard(int index, int count = 3, IReadOnlyList<Submission>? of = null, GradingLimits? limits = null, string? name = null)
    {
        var dir = _temp.PathOf(name ?? $"shards/{index}");
        var shard = new Shard(index, count);
        var store = new ResultStore(dir);
        foreach (var student in shard.Share(of ?? Class)) store.Save(Result(student.StudentId));
        ShardManifest.For(shard, of ?? Class, limits ?? GradingLimits.Default).Write(dir);
        return dir;
    }

    private string[] AllShards(int count = 3) => Enumerable.Range(0, count).Select(k => Shard(k, count)).ToArray();

    private GradingException Refused(IReadOnlyList<string> dirs, string? outDir = null)
    {
        var target = outDir ?? _temp.PathOf("grades");
        var error = Assert.Throws<GradingException>(() => ShardMerge.Merge(dirs, target));
        Assert.False(File.Exists(Path.Combine(target, GradesCsv.FileName)), "a refused merge writes nothing");
        return error;
    }

    private static IReadOnlyDictionary<string, string> Files(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => ChartId().Replace(File.ReadAllText(f), "coursekit-chart-ID"));

    [GeneratedRegex("coursekit-chart-[0-9a-f]{32}")]
    private static partial Regex ChartId();

    [Fact]
    public void Merged_shards_give_the_files_one_run_writes()
    {
        var oneRun = _temp.PathOf("one-run");
        var store = new ResultStore(oneRun);
        foreach (var id in Ids) store.Save(Result(id));
        OutputWriter.WriteAll(oneRun, store.LoadAll());

        var outcome = ShardMerge.Merge(AllShards(), _temp.PathOf("grades"));

        Assert.Equal(Ids.Length, outcome.All.Count);
        Assert.Equal(3, outcome.Shards);
        var expected = Files(oneRun);
        var merged = Files(_temp.PathOf("grades"));
        Assert.Equal(expected.Keys.Order(), merged.Keys.Order());
        Assert.Contains("feedback/gus.html", merged.Keys);
        Assert.All(expected, file => Assert.Equal(file.Value, merged[file.Key]));
    }

    [Fact]
    public void Manual_points_merged_into_the_output_survive_merging_again()
    {
        var shards = AllShards();
        var grades = _temp.PathOf("grades");
        ShardMerge.Merge(shards, grades);
        var store = new ResultStore(grades);
        store.Save(store.Load("ada")! with { Manual = new Dictionary<string, decimal> { ["L1.E2"] = 1.5m } });

        ShardMerge.Merge(shards, grades);

        Assert.Equal(1.5m, store.Load("ada")!.Manual["L1.E2"]);
    }

    [Fact]
    public void A_missing_shard_is_named()
    {
        var message = Refused([Shard(0), Shard(2)]).Message;
        Assert.StartsWith("shard 1/3 missing: give the folders of all 3 shards (given: ", message);
        Assert.Contains(_temp.PathOf("shards/2") + " = shard 2", message);
    }

    [Fact]
    public void The_same_shard_twice_is_refused()
    {
        var first = Shard(1);
        var copy = Shard(1, name: "copy-of-1");
        Assert.Equal($"{first} and {copy}: are both shard 1/3; give each shard once.", Refused([Shard(0), first, copy, Shard(2)]).Message);
    }

    [Fact]
    public void A_folder_given_twice_is_refused()
    {
        var shards = AllShards();
        Assert.Equal($"{shards[0]}: given twice to --merge; give each shard's folder once.", Refused([.. shards, shards[0] + "/"]).Message);
    }

    [Fact]
    public void Shards_of_another_N_are_refused()
    {
        var other = Shard(1, count: 2, name: "two/1");
        Assert.Equal($"{other}: is shard 1/2, but {_temp.PathOf("shards/0")} is shard 0/3; every shard of a class is graded with the same N.",
            Refused([Shard(0), other, Shard(2)]).Message);
    }

    [Fact]
    public void Shards_graded_from_other_submissions_are_refused()
    {
        var bigger = Shard(2, of: [.. Class, new Submission("zed", "/subs/zed", false)]);
        Assert.Equal($"{bigger}: was graded from other submissions (8 students) than {_temp.PathOf("shards/0")} (7 students); grade every shard from the same submissions folder, unchanged.",
            Refused([Shard(0), Shard(1), bigger]).Message);
    }

    [Theory]
    [InlineData("exercises", "was graded with other exercises")]
    [InlineData("build", "was graded by another build of the checks or the grader")]
    public void Shards_of_another_course_version_are_refused(string field, string reason)
    {
        var shards = AllShards();
        var manifest = Path.Combine(shards[1], ShardManifest.FileName);
        var current = field == "exercises" ? CourseVersion.Current.Exercises : CourseVersion.Current.Build;
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(current, new string('0', 64), StringComparison.Ordinal));

        var message = Refused(shards).Message;

        Assert.StartsWith($"{shards[1]}: {reason} (", message);
        Assert.Contains($"than {shards[0]} (", message);
    }

    [Fact]
    public void Shards_graded_under_other_limits_are_refused()
    {
        var strict = Shard(1, limits: GradingLimits.Default with { MemoryMegabytes = 256 });
        Assert.Equal($"{strict}: was graded under other limits (cell 30 s, submission 120 s, 256 MB) than {_temp.PathOf("shards/0")} (cell 30 s, submission 120 s, 512 MB); grade every shard with the same --timeout-cell, --timeout-submission and --memory-mb.",
            Refused([Shard(0), strict, Shard(2)]).Message);
    }

    [Fact]
    public void A_shard_without_a_result_it_lists_did_not_finish()
    {
        var shards = AllShards();
        var missing = new ResultStore(shards[2]).PathOf("ada"); // ada is in shard 2 of 3
        Assert.True(File.Exists(missing));
        File.Delete(missing);

        Assert.Equal($"{shards[2]}: has no result for ada (expected {missing}); grade shard 2/3 again.", Refused(shards).Message);
    }

    [Fact]
    public void A_folder_without_a_manifest_is_not_a_finished_shard()
    {
        var shards = AllShards();
        File.Delete(Path.Combine(shards[0], ShardManifest.FileName));
        Assert.Equal($"{shards[0]}: no shard.json in it, so it is not a finished shard; grade it with coursekit grade SUBMISSIONS --out {shards[0]} --shard K/N (run it again if it was interrupted).",
            Refused(shards).Message);
    }

    [Fact]
    public void A_broken_manifest_is_named()
    {
        var shards = AllShards();
        File.WriteAllText(Path.Combine(shards[1], ShardManifest.FileName), "{ \"shard\": ");
        Assert.StartsWith($"{Path.Combine(shards[1], ShardManifest.FileName)}: not a shard manifest the grader wrote (", Refused(shards).Message);
    }

    [Fact]
    public void A_manifest_listing_a_path_instead_of_an_id_is_refused()
    {
        var shards = AllShards();
        var manifest = Path.Combine(shards[0], ShardManifest.FileName);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"students\": [", "\"students\": [\n    \"../../etc/passwd\",", StringComparison.Ordinal));
        Assert.Equal($"{shards[0]}: its shard.json lists '../../etc/passwd', which is not a student id (a submission's folder or zip name).", Refused(shards).Message);
    }

    [Fact]
    public void An_output_folder_holding_other_students_is_refused()
    {
        var grades = _temp.PathOf("grades");
        new ResultStore(grades).Save(Result("stranger"));
        Assert.Equal($"{Path.Combine(grades, "results")}: holds results of stranger, who are in none of the shards; merge into an empty folder, or into the folder of an earlier merge of this class.",
            Refused(AllShards(), grades).Message);
    }

    [Fact]
    public void Merging_into_a_shard_folder_is_refused()
    {
        var shards = AllShards();
        Assert.Equal($"{shards[1]}: is a shard folder and the --out folder; merge into a folder of its own.",
            Assert.Throws<GradingException>(() => ShardMerge.Merge(shards, shards[1])).Message);
    }

    [Fact]
    public void A_shard_run_lists_only_its_share_and_the_whole_class()
    {
        var manifest = ShardManifest.Read(Shard(0));
        Assert.Equal(new Shard(0, 3).Share(Class).Select(s => s.StudentId), manifest.Students);
        Assert.Equal(7, manifest.ClassSize);
        Assert.Equal(CourseVersion.Current, manifest.Course);
    }
}
