using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Exercises.Answers;

/// <summary>A value answer (record, list, number): null means not attempted.</summary>
public sealed class ValueShape<T>(string answerName, string starterCode) : AnswerShape(answerName, starterCode)
{
    public override AnswerData Capture(object? answer, IReadOnlyList<JsonNode> probes) => answer switch
    {
        null => AnswerData.NotAttempted,
        T value => new AnswerData(JsonSerializer.SerializeToNode(value, AnswerJson.Options)),
        _ => AnswerData.Unreadable(
            $"the answer should be {AnswerJson.Describe(typeof(T))}, but it is {AnswerJson.Describe(answer.GetType())}; keep the type the answer cell starts with."),
    };
}
