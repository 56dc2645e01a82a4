using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Exercises.Answers;

/// <summary>
/// The answers of one notebook run as JSON: the value of the checker's collect cell, which comes back to the checker
/// as the data of an evaluation, never through anything the learner's code prints.
/// </summary>
public static class CapturedAnswers
{
    public static string ToJson(IReadOnlyDictionary<string, CapturedAnswer> answers)
    {
        var json = new JsonObject();
        foreach (var (id, answer) in answers)
            json[id] = new JsonObject { ["data"] = answer.Data?.DeepClone(), ["problem"] = answer.Problem };
        return json.ToJsonString();
    }

    /// <summary>Reads a sheet written by <see cref="ToJson"/>; null when the text is not one.</summary>
    public static IReadOnlyDictionary<string, CapturedAnswer>? FromJson(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is not JsonObject json) return null;
            return json.ToDictionary(p => p.Key, p => new CapturedAnswer(p.Value?["data"]?.DeepClone(), (string?)p.Value?["problem"]));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
