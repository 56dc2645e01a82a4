using System.Text.Json.Nodes;
using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Catalog;

namespace CourseKit.Exercises.InNotebook;

/// <summary>
/// The answers a notebook session has handed to <see cref="Checker.Check"/>, latest per exercise. The
/// checker's collect cell calls <see cref="Capture"/> at the end of a run to turn them into data.
/// </summary>
public static class RecordedAnswers
{
    private static readonly Dictionary<string, object?> Answers = new(StringComparer.OrdinalIgnoreCase);

    public static void Record(string id, object? answer)
    {
        lock (Answers) Answers[id] = answer;
    }

    public static void Clear()
    {
        lock (Answers) Answers.Clear();
    }

    /// <summary>
    /// Every recorded answer as <see cref="CapturedAnswers"/> JSON, calling function answers on the public inputs and on
    /// <paramref name="probesJson"/>'s extra inputs per exercise. The checker's collect cell returns it as its value.
    /// </summary>
    public static string Capture(string probesJson)
    {
        var extra = JsonNode.Parse(probesJson) as JsonObject ?? [];
        KeyValuePair<string, object?>[] recorded;
        lock (Answers) recorded = [.. Answers];

        var sheet = new Dictionary<string, CapturedAnswer>();
        foreach (var (id, answer) in recorded)
        {
            if (!ExerciseCatalog.TryGet(id, out var exercise)) continue;
            var probes = (extra[exercise.Id] as JsonArray ?? []).OfType<JsonNode>().Select(p => p.DeepClone()).ToList();
            try
            {
                sheet[exercise.Id] = exercise.Shape.Capture(answer, probes);
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                sheet[exercise.Id] = CapturedAnswer.Unreadable($"reading it raised {failure.GetType().Name}: {failure.Message}");
            }
        }
        return CapturedAnswers.ToJson(sheet);
    }
}
