using System.Text.RegularExpressions;
using CourseKit.Checking.Cells;
using CourseKit.Grading.Sharding;
using CourseKit.Notebooks.Documents;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>
/// A small class graded by <c>coursekit grade</c> once, and as three <c>--shard K/3</c> processes plus a <c>--merge</c>
/// process: every output file is the same, apart from what differs between any two runs (the seconds a student took,
/// the random element ids of the summary's charts).
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class ShardEquivalenceTests : IDisposable
{
    private const int Shards = 3;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string BuildClass()
    {
        var submissions = _temp.PathOf("submissions");
        Save("good", FixtureClass.Source(FixtureClass.Lesson1), null);
        Save("partial", FixtureClass.Source(FixtureClass.Lesson1), "var bet = new ProductBet(\"Photo notes\", MainBet.Multimodality, \"It uses photos.\");");
        Save("compile-error", FixtureClass.Source(FixtureClass.Lesson1), "var x = 1;\nvar bet = undefinedThing;");
        Save("throws", FixtureClass.Source(FixtureClass.Lesson1), "throw new InvalidOperationException(\"boom\");");
        Save("empty", FixtureClass.Student(FixtureClass.Lesson1), null);
        Directory.CreateDirectory(Path.Combine(submissions, "broken"));
        File.WriteAllText(Path.Combine(submissions, "broken", FixtureClass.Lesson1), "{ not json");
        return submissions;

        void Save(string id, string from, string? betCell)
        {
            var notebook = Notebook.Load(from);
            if (betCell is not null) FixtureClass.Cell(notebook, "L1.E5", CellRoles.Solution).Source = betCell;
            Directory.CreateDirectory(Path.Combine(submissions, id));
            notebook.Save(Path.Combine(submissions, id, FixtureClass.Lesson1));
        }
    }

    private static async Task Succeeds(params string[] arguments)
    {
        var result = await CliProcess.RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"coursekit {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Error}");
    }

    // The seconds grading a student took, and the charts' random element ids, differ between any two runs.
    private static string Normalise(string text) =>
        ChartId().Replace(Seconds().Replace(text, "\"Seconds\": 0"), "coursekit-chart-ID");

    [GeneratedRegex("\"Seconds\": [0-9.E+-]+")]
    private static partial Regex Seconds();

    [GeneratedRegex("coursekit-chart-[0-9a-f]{32}")]
    private static partial Regex ChartId();

    private static SortedDictionary<string, string> Files(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Normalise(File.ReadAllText(f))), StringComparer.Ordinal);

    [Fact]
    public async Task Three_shard_processes_and_a_merge_write_what_one_run_writes()
    {
        var submissions = BuildClass();
        var limits = new[] { "--timeout-cell", "20", "--timeout-submission", "60", "--memory-mb", "256" };
        var shardDirs = Enumerable.Range(0, Shards).Select(k => _temp.PathOf($"shards/{k}")).ToArray();

        await Succeeds(["grade", submissions, "--out", _temp.PathOf("one-run"), .. limits]);
        foreach (var k in Enumerable.Range(0, Shards))
            await Succeeds(["grade", submissions, "--out", shardDirs[k], "--shard", $"{k}/{Shards}", .. limits]);
        await Succeeds(["grade", "--merge", .. shardDirs, "--out", _temp.PathOf("merged")]);

        var shares = shardDirs.Select(d => ShardManifest.Read(d).Students).ToList();
        Assert.Equal(6, shares.Sum(s => s.Count));
        Assert.True(shares.Count(s => s.Count > 0) >= 2, "the class should be split between shards: " + string.Join(" | ", shares.Select(s => string.Join(",", s))));
        Assert.All(shardDirs, d => Assert.False(File.Exists(Path.Combine(d, "grades.csv")), "a shard writes results and shard.json, not a partial gradebook"));

        var oneRun = Files(_temp.PathOf("one-run"));
        var merged = Files(_temp.PathOf("merged"));
        Assert.Equal(oneRun.Keys, merged.Keys);
        Assert.Equal(6 * 3 + 4, oneRun.Count); // results, feedback .md and .html per student; grades, canvas, manual sheet, summary
        foreach (var (file, text) in oneRun)
            Assert.True(text == merged[file], $"{file} differs between one run and the merged shards");
        Assert.Contains("Where your code failed", oneRun["feedback/compile-error.html"]);
    }

    [Fact]
    public async Task A_merge_with_a_shard_missing_exits_2_naming_it()
    {
        var submissions = BuildClass();
        var zero = _temp.PathOf("shards/0");
        var one = _temp.PathOf("shards/1");
        await Succeeds("grade", submissions, "--out", zero, "--shard", "0/3", "--timeout-cell", "20");
        await Succeeds("grade", submissions, "--out", one, "--shard", "1/3", "--timeout-cell", "20");

        var result = await CliProcess.RunAsync("grade", "--merge", zero, one, "--out", _temp.PathOf("merged"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"coursekit grade: shard 2/3 missing: give the folders of all 3 shards (given: {zero} = shard 0, {one} = shard 1).", result.Error.Trim());
        Assert.False(Directory.Exists(_temp.PathOf("merged/feedback")));
    }

    [Fact]
    public async Task A_bad_shard_argument_exits_2_before_grading()
    {
        var submissions = BuildClass();
        var result = await CliProcess.RunAsync("grade", submissions, "--out", _temp.PathOf("out"), "--shard", "3/3");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("coursekit grade: --shard 3/3: the shard index K counts from 0, so it must be from 0 to 2", result.Error);
        Assert.False(Directory.Exists(_temp.PathOf("out/results")));
    }

    [Fact]
    public async Task Merge_takes_no_submissions_folder()
    {
        var result = await CliProcess.RunAsync("grade", _temp.Path, "--merge", _temp.PathOf("a"), "--out", _temp.PathOf("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("coursekit grade: --merge reads graded shards only: give it no submissions folder and no --shard.", result.Error.Trim());
    }

    [Fact]
    public async Task A_manual_merge_is_not_mixed_with_shards()
    {
        var result = await CliProcess.RunAsync("grade", "--merge-manual", _temp.PathOf("sheet.csv"), "--shard", "0/2", "--out", _temp.PathOf("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("coursekit grade: --merge-manual works on the folder of a whole class: merge the shards first", result.Error.Trim());
    }
}
