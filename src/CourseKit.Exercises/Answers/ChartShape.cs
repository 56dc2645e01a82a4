using System.Text.Json.Nodes;
using CourseKit.Charting;
using Plotly.NET;

namespace CourseKit.Exercises.Answers;

/// <summary>A chart answer: it becomes its plotly.js figure JSON, so checks read data, not pixels.</summary>
public sealed class ChartShape(string answerName, string starterCode) : AnswerShape(answerName, starterCode)
{
    public override CapturedAnswer Capture(object? answer, IReadOnlyList<JsonNode> probes) => answer switch
    {
        null => CapturedAnswer.NotAttempted,
        GenericChart chart => new CapturedAnswer(JsonNode.Parse(ChartJson.Figure(chart))),
        _ => CapturedAnswer.Unreadable($"the answer should be a chart (GenericChart), but it is {AnswerJson.Describe(answer.GetType())}."),
    };
}
