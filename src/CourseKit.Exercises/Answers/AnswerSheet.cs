using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Exercises.Answers;

/// <summary>
/// The one line the collect cell prints: a marker, the run's nonce and the answers as JSON. The checker
/// reads it only from the collect cell's own output and only with the nonce it chose.
/// </summary>
public static class AnswerSheet
{
    public const string Marker = "##coursekit-answers";

    public static string Write(string nonce, IReadOnlyDictionary<string, AnswerData> answers)
    {
        var json = new JsonObject();
        foreach (var (id, answer) in answers)
            json[id] = new JsonObject { ["data"] = answer.Data?.DeepClone(), ["problem"] = answer.Problem };
        return $"{Marker} {nonce} {json.ToJsonString()}";
    }

    /// <summary>Finds the sheet with <paramref name="nonce"/> in printed text; null when there is none.</summary>
    public static IReadOnlyDictionary<string, AnswerData>? Read(string text, string nonce)
    {
        var prefix = $"{Marker} {nonce} ";
        var line = text.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (line is null) return null;
        try
        {
            var json = JsonNode.Parse(line[prefix.Length..]) as JsonObject;
            if (json is null) return null;
            return json.ToDictionary(p => p.Key, p => new AnswerData(p.Value?["data"]?.DeepClone(), (string?)p.Value?["problem"]));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
