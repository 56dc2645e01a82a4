using System.Text.Json;
using System.Text.Json.Serialization;
using CourseKit.IO;

namespace CourseKit.Grading.Results;

/// <summary>
/// <c>results/&lt;id&gt;.json</c> in the output folder, written atomically as each student is graded, so a rerun
/// skips graded students and an interrupted run loses nothing already written.
/// </summary>
public sealed class ResultStore(string outDir)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Folder { get; } = Path.Combine(outDir, "results");

    public string PathOf(string studentId) => Path.Combine(Folder, studentId + ".json");

    public bool Has(string studentId) => File.Exists(PathOf(studentId));

    public void Save(StudentResult result) => AtomicFile.WriteAllText(PathOf(result.StudentId), JsonSerializer.Serialize(result, Json));

    public StudentResult? Load(string studentId)
    {
        var path = PathOf(studentId);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<StudentResult>(File.ReadAllText(path), Json);
        }
        catch (JsonException error)
        {
            throw new GradingException($"{path}: not a result file the grader wrote ({error.Message.ReplaceLineEndings(" ")}); delete it or grade with --force.");
        }
    }

    /// <summary>Every stored result, by student id.</summary>
    public IReadOnlyList<StudentResult> LoadAll() =>
        !Directory.Exists(Folder) ? []
        : Directory.EnumerateFiles(Folder, "*.json")
            .Select(p => Load(Path.GetFileNameWithoutExtension(p))!)
            .OrderBy(r => r.StudentId, StringComparer.Ordinal)
            .ToList();
}
