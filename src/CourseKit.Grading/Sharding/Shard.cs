using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CourseKit.Grading.Submissions;

namespace CourseKit.Grading.Sharding;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/>: the share of a class one batch task grades. The index is 0-based,
/// as Kubernetes' <c>JOB_COMPLETION_INDEX</c> and Slurm's <c>SLURM_ARRAY_TASK_ID</c> (with <c>--array=0-(N-1)</c>) give it.
/// A student belongs to the shard picked by a stable hash of the student id (SHA-256, never the process-randomised
/// string hash), so a student added to the class never moves the others to another shard: a shard rerun with the same
/// N finds its graded students in its folder and grades only the new ones.
/// </summary>
public sealed partial record Shard(int Index, int Count)
{
    public const int MaxCount = 10_000;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    public bool Holds(string studentId) => Of(studentId, Count) == Index;

    public IReadOnlyList<Submission> Share(IReadOnlyList<Submission> submissions) => submissions.Where(s => Holds(s.StudentId)).ToList();

    /// <summary>The 0-based shard of <paramref name="studentId"/> among <paramref name="count"/>.</summary>
    public static int Of(string studentId, int count)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(studentId), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <summary>Reads <c>K/N</c> as given to <c>--shard</c>; a bad value is a <see cref="GradingException"/> saying what was expected.</summary>
    public static Shard Parse(string text)
    {
        var match = Form().Match(text);
        if (!match.Success)
            throw new GradingException($"--shard {text}: expected K/N, the 0-based shard index K and the number of shards N, e.g. --shard 0/4.");
        if (match.Groups["index"].Value.Length == 0)
            throw new GradingException($"--shard {text}: the shard index is empty; is the variable that should give it set (JOB_COMPLETION_INDEX in a Kubernetes Indexed Job, SLURM_ARRAY_TASK_ID in a Slurm job array)?");
        if (!int.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > MaxCount)
            throw new GradingException($"--shard {text}: the number of shards N must be from 1 to {MaxCount}.");
        if (!int.TryParse(match.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= count)
            throw new GradingException($"--shard {text}: the shard index K counts from 0, so it must be from 0 to {count - 1} " +
                $"(as JOB_COMPLETION_INDEX of a Kubernetes Indexed Job with completions={count}, or SLURM_ARRAY_TASK_ID with --array=0-{count - 1}).");
        return new Shard(index, count);
    }

    [GeneratedRegex(@"^\s*(?<index>\d*)\s*/\s*(?<count>\d+)\s*$")]
    private static partial Regex Form();
}
