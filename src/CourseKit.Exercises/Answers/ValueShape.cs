using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Exercises.Answers;

/// <summary>A value answer (record, list, number): null means not attempted.</summary>
public sealed class ValueShape<T>(string answerName, string starterCode) : AnswerShape(answerName, starterCode)
{
    public override CapturedAnswer Capture(object? answer, IReadOnlyList<JsonNode> probes) => answer switch
    {
        null => CapturedAnswer.NotAttempted,
        T value => new CapturedAnswer(AnswerJson.ToNode(value)),
        _ => CapturedAnswer.Unreadable(
            $"the answer should be {AnswerJson.Describe(typeof(T))}, but it is {AnswerJson.Describe(answer.GetType())}; keep the type the answer cell starts with."),
    };
}
