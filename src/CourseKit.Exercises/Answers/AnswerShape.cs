using System.Text.Json.Nodes;

namespace CourseKit.Exercises.Answers;

/// <summary>
/// The type of answer an exercise expects and how it becomes data. <see cref="Capture"/> runs where the
/// learner's code runs (their kernel, or the checker's worker process); everything after it is data.
/// </summary>
public abstract class AnswerShape(string answerName, string starterCode)
{
    /// <summary>The name the answer cell defines, e.g. <c>analysis</c>.</summary>
    public string AnswerName { get; } = answerName;

    /// <summary>The answer cell of the student edition: a typed default that reads as "not attempted".</summary>
    public string StarterCode { get; } = starterCode;

    /// <summary>Turns the learner's answer into data; <paramref name="probes"/> are inputs for a function answer.</summary>
    public abstract CapturedAnswer Capture(object? answer, IReadOnlyList<JsonNode> probes);

    /// <summary>The marker a placeholder text or function carries.</summary>
    public const string Placeholder = "YOUR ANSWER HERE";
}
