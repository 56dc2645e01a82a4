using System.Text.Json.Nodes;

namespace CourseKit.Exercises.Answers;

/// <summary>A free-text answer: empty text or the placeholder means not attempted.</summary>
public sealed class TextShape(string answerName)
    : AnswerShape(answerName, $"var {answerName} = \"\"\"\n{Placeholder}\n\"\"\";")
{
    public override AnswerData Capture(object? answer, IReadOnlyList<JsonNode> probes) => answer switch
    {
        null => AnswerData.NotAttempted,
        string text when IsPlaceholder(text) => AnswerData.NotAttempted,
        string text => new AnswerData(JsonValue.Create(text.Trim())),
        _ => AnswerData.Unreadable("the answer should be text in quotes; keep the \"\"\" … \"\"\" the answer cell starts with."),
    };

    private static bool IsPlaceholder(string text) =>
        string.IsNullOrWhiteSpace(text.Replace(Placeholder, "", StringComparison.OrdinalIgnoreCase));
}
