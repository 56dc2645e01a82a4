using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Exercises.Answers;

namespace CourseKit.Exercises.Model;

/// <summary>
/// One named rule worth <see cref="Points"/>: a pure function of the learner's answer DATA (JSON), so it runs
/// the same in the learner's kernel, in <c>dotnet test</c> and in the grader, never on the learner's code.
/// </summary>
public sealed record Check(string Name, int Points, Func<JsonNode, CheckResult> Run)
{
    /// <summary>A check over the answer data read back as <typeparamref name="T"/>.</summary>
    public static Check On<T>(string name, int points, Func<T, CheckResult> rule) =>
        new(name, points, data =>
        {
            T? value;
            try
            {
                value = AnswerJson.FromNode<T>(data);
            }
            catch (JsonException)
            {
                return CheckResult.Fail($"Your answer could not be read as {AnswerJson.Describe(typeof(T))}; keep the type the answer cell starts with.");
            }
            return value is null
                ? CheckResult.Fail("Your answer is empty; fill in the answer cell.")
                : rule(value);
        });

    /// <summary>Runs the rule; a rule that throws counts as failed with a message, never crashes the checker.</summary>
    public CheckResult Evaluate(JsonNode data)
    {
        try
        {
            return Run(data);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return CheckResult.Fail($"This check could not read your answer ({error.GetType().Name}); keep the shape the answer cell starts with.");
        }
    }
}
