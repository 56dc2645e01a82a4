using System.Text.Json.Nodes;

namespace CourseKit.Exercises.Answers;

/// <summary>A free-text answer: empty text or the placeholder means not attempted.</summary>
public sealed class TextShape(string answerName)
    : AnswerShape(answerName, $"var {answerName} = \"\"\"\n{Placeholder}\n\"\"\";")
{
    public override CapturedAnswer Capture(object? answer, IReadOnlyList<JsonNode> probes) => answer switch
    {
        null => CapturedAnswer.NotAttempted,
        string text when IsPlaceholder(text) => CapturedAnswer.NotAttempted,
        string text => new CapturedAnswer(JsonValue.Create(text.Trim())),
        _ => CapturedAnswer.Unreadable("the answer should be text in quotes; keep the \"\"\" … \"\"\" the answer cell starts with."),
    };

    private static bool IsPlaceholder(string text) =>
        string.IsNullOrWhiteSpace(text.Replace(Placeholder, "", StringComparison.OrdinalIgnoreCase));
}
