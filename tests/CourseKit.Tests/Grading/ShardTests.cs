using CourseKit.Grading;
using CourseKit.Grading.Sharding;
using CourseKit.Grading.Submissions;

namespace CourseKit.Tests.Grading;

/// <summary><c>--shard K/N</c>: what it accepts, and which share of a class each shard grades.</summary>
public sealed class ShardTests
{
    private static IReadOnlyList<Submission> Class(int size, string prefix = "s") =>
        Enumerable.Range(0, size).Select(i => new Submission($"{prefix}{i:D4}", $"/subs/{prefix}{i:D4}", IsZip: false)).ToList();

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("0/3", 0, 3)]
    [InlineData("2/3", 2, 3)]
    [InlineData(" 7 / 10 ", 7, 10)]
    public void K_counts_from_0_as_the_batch_engines_indexes_do(string given, int index, int count) =>
        Assert.Equal(new Shard(index, count), Shard.Parse(given));

    [Theory]
    [InlineData("3/3", "--shard 3/3: the shard index K counts from 0, so it must be from 0 to 2 (as JOB_COMPLETION_INDEX of a Kubernetes Indexed Job with completions=3, or SLURM_ARRAY_TASK_ID with --array=0-2).")]
    [InlineData("/3", "--shard /3: the shard index is empty; is the variable that should give it set (JOB_COMPLETION_INDEX in a Kubernetes Indexed Job, SLURM_ARRAY_TASK_ID in a Slurm job array)?")]
    [InlineData("0/0", "--shard 0/0: the number of shards N must be from 1 to 10000.")]
    [InlineData("1/20000", "--shard 1/20000: the number of shards N must be from 1 to 10000.")]
    [InlineData("-1/3", "--shard -1/3: expected K/N, the 0-based shard index K and the number of shards N, e.g. --shard 0/4.")]
    [InlineData("2", "--shard 2: expected K/N, the 0-based shard index K and the number of shards N, e.g. --shard 0/4.")]
    [InlineData("99999999999/3", "--shard 99999999999/3: the shard index K counts from 0, so it must be from 0 to 2 (as JOB_COMPLETION_INDEX of a Kubernetes Indexed Job with completions=3, or SLURM_ARRAY_TASK_ID with --array=0-2).")]
    public void A_bad_shard_is_refused_with_what_was_expected(string given, string message) =>
        Assert.Equal(message, Assert.Throws<GradingException>(() => Shard.Parse(given)).Message);

    [Fact]
    public void Every_student_is_in_exactly_one_shard()
    {
        var students = Class(500);
        var shares = Enumerable.Range(0, 7).Select(k => new Shard(k, 7).Share(students)).ToList();

        Assert.Equal(students.Count, shares.Sum(s => s.Count));
        Assert.Equal(students.Select(s => s.StudentId).Order(), shares.SelectMany(s => s).Select(s => s.StudentId).Order());
    }

    [Fact]
    public void Adding_students_moves_nobody_already_in_the_class()
    {
        var before = Class(300);
        var after = before.Concat(Class(40, "late")).OrderBy(s => s.StudentId, StringComparer.Ordinal).ToList();

        Assert.All(before, s => Assert.Equal(
            Enumerable.Range(0, 5).Single(k => new Shard(k, 5).Share(before).Contains(s)),
            Enumerable.Range(0, 5).Single(k => new Shard(k, 5).Share(after).Contains(s))));
    }

    [Fact]
    public void The_assignment_is_the_same_in_every_process_and_roughly_even()
    {
        // SHA-256 of the UTF-8 id, first 8 bytes big-endian, modulo N (values from Python's hashlib): any process or machine agrees.
        Assert.Equal([2, 2, 1, 1], new[] { "ada", "bob", "chen", "dana" }.Select(id => Shard.Of(id, 3)));

        var sizes = Enumerable.Range(0, 4).Select(k => new Shard(k, 4).Share(Class(4000)).Count).ToList();
        Assert.All(sizes, size => Assert.InRange(size, 900, 1100));
    }
}
