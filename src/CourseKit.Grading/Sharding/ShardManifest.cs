using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CourseKit.Grading.Isolation;
using CourseKit.Grading.Submissions;
using CourseKit.IO;

namespace CourseKit.Grading.Sharding;

/// <summary>The limits a shard graded under, in whole units as given on the command line.</summary>
public sealed record ShardLimits(double CellSeconds, double SubmissionSeconds, int MemoryMegabytes, int TmpMegabytes, int MaxNotebookMegabytes)
{
    public static ShardLimits Of(GradingLimits limits) =>
        new(limits.CellTimeLimit.TotalSeconds, limits.SubmissionTimeLimit.TotalSeconds, limits.MemoryMegabytes, limits.TmpMegabytes, limits.MaxNotebookMegabytes);
}

/// <summary>
/// <c>shard.json</c>, written by <c>coursekit grade --shard K/N</c> beside the shard's <c>results/</c> once its share is
/// graded: which shard it is, the students in its share, and what every shard of the class must agree on to be merged
/// (the whole class's size and ids, the course version and the limits). <see cref="Finished"/> is when it was written.
/// </summary>
public sealed record ShardManifest(
    string Format,
    int Shard,
    int Of,
    int ClassSize,
    string ClassIds,
    CourseVersion Course,
    ShardLimits Limits,
    IReadOnlyList<string> Students,
    DateTimeOffset Finished)
{
    public const string FileName = "shard.json";
    public const string CurrentFormat = "coursekit-grade-shard/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static ShardManifest For(Shard shard, IReadOnlyList<Submission> wholeClass, GradingLimits limits) => new(
        CurrentFormat, shard.Index, shard.Count, wholeClass.Count, IdsDigest(wholeClass.Select(s => s.StudentId)), CourseVersion.Current,
        ShardLimits.Of(limits),
        wholeClass.Where(s => shard.Holds(s.StudentId)).Select(s => s.StudentId).Order(StringComparer.Ordinal).ToList(),
        DateTimeOffset.UtcNow);

    /// <summary>A digest of the class's student ids, so shards graded from different hand-in folders are told apart.</summary>
    public static string IdsDigest(IEnumerable<string> ids) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ids.Order(StringComparer.Ordinal)))));

    public void Write(string outDir) => AtomicFile.WriteAllText(Path.Combine(outDir, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>The manifest in <paramref name="shardDir"/>; a missing or unreadable one is a <see cref="GradingException"/> naming the folder.</summary>
    public static ShardManifest Read(string shardDir)
    {
        if (!Directory.Exists(shardDir))
            throw new GradingException($"{shardDir}: no such folder; expected the --out folder of a coursekit grade --shard K/N run.");
        var path = Path.Combine(shardDir, FileName);
        if (!File.Exists(path))
            throw new GradingException($"{shardDir}: no {FileName} in it, so it is not a finished shard; grade it with coursekit grade SUBMISSIONS --out {shardDir} --shard K/N (run it again if it was interrupted).");
        ShardManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ShardManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException error)
        {
            throw new GradingException($"{path}: not a shard manifest the grader wrote ({error.Message.ReplaceLineEndings(" ")}).");
        }
        if (manifest is null || manifest.Format != CurrentFormat || manifest.Course is null || manifest.Limits is null || manifest.Students is null || manifest.ClassIds is null)
            throw new GradingException($"{path}: not a shard manifest this grader reads (expected format {CurrentFormat}).");
        return manifest;
    }
}
