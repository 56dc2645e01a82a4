using System.Text.Json.Nodes;
using CourseKit.Evidence;

namespace CourseKit.Exercises.Answers;

/// <summary>An evidence card becomes its labelled fields plus what the card's own <c>Check()</c> reports missing.</summary>
public sealed class EvidenceCardShape<TCard>(string answerName, string starterCode) : AnswerShape(answerName, starterCode)
    where TCard : EvidenceCard
{
    public override CapturedAnswer Capture(object? answer, IReadOnlyList<JsonNode> probes)
    {
        if (answer is null) return CapturedAnswer.NotAttempted;
        if (answer is not TCard card)
            return CapturedAnswer.Unreadable($"the answer should be a {typeof(TCard).Name}; keep the type the answer cell starts with.");
        var fields = new JsonObject();
        foreach (var field in card.Fields) fields[field.Label] = field.Value;
        if (card.Fields.All(f => !f.IsFilled)) return CapturedAnswer.NotAttempted;
        return new CapturedAnswer(new JsonObject
        {
            ["Fields"] = fields,
            ["Missing"] = new JsonArray(card.Check().MissingFields.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
        });
    }
}

/// <summary>An evidence card as data: field label → value, and the labels its <c>Check()</c> found missing.</summary>
public sealed record EvidenceCardData(Dictionary<string, string?> Fields, List<string> Missing);
