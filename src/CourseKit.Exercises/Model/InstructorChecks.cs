using System.Text.Json.Nodes;

namespace CourseKit.Exercises.Model;

/// <summary>
/// Material that is not shipped to students: extra checks per exercise and extra inputs to call a learner's
/// function with. The student edition uses <see cref="None"/>; the instructor's project supplies the rest.
/// </summary>
public sealed record InstructorChecks(
    IReadOnlyDictionary<string, IReadOnlyList<Check>> Checks,
    IReadOnlyDictionary<string, IReadOnlyList<JsonNode>> Probes)
{
    public static InstructorChecks None { get; } = new(
        new Dictionary<string, IReadOnlyList<Check>>(), new Dictionary<string, IReadOnlyList<JsonNode>>());

    public IReadOnlyList<Check> ChecksFor(string id) => Checks.TryGetValue(id, out var checks) ? checks : [];

    public IReadOnlyList<JsonNode> ProbesFor(string id) => Probes.TryGetValue(id, out var probes) ? probes : [];
}
