using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Exercises.Answers;

/// <summary>One call of the learner's function: the input, and the output or the error it raised.</summary>
public sealed record ProbeResult(JsonNode? Input, JsonNode? Output, string? Error);

/// <summary>
/// A function answer. It becomes data by being called on the probe inputs where the learner's code runs;
/// a function that still throws <see cref="NotImplementedException"/> everywhere is not attempted.
/// </summary>
public sealed class FunctionShape<TIn, TOut>(string answerName, string starterCode, IReadOnlyList<TIn> publicInputs)
    : AnswerShape(answerName, starterCode)
{
    /// <summary>The inputs the public checks are about; instructors may add more.</summary>
    public IReadOnlyList<JsonNode> PublicProbes { get; } =
        publicInputs.Select(i => JsonSerializer.SerializeToNode(i, AnswerJson.Options)!).ToList();

    public override CapturedAnswer Capture(object? answer, IReadOnlyList<JsonNode> probes)
    {
        if (answer is null) return CapturedAnswer.NotAttempted;
        if (answer is not Func<TIn, TOut> function)
            return CapturedAnswer.Unreadable($"the answer should be a function from {typeof(TIn).Name} to {typeof(TOut).Name}; keep the signature the answer cell starts with.");

        var results = new JsonArray();
        var notImplemented = 0;
        var all = PublicProbes.Concat(probes).ToList();
        foreach (var probe in all)
        {
            var input = probe.Deserialize<TIn>(AnswerJson.Options)!;
            try
            {
                var output = function(input);
                results.Add(JsonSerializer.SerializeToNode(new ProbeResult(probe.DeepClone(), JsonSerializer.SerializeToNode(output, AnswerJson.Options), null), AnswerJson.Options));
            }
            catch (NotImplementedException)
            {
                notImplemented++;
                results.Add(JsonSerializer.SerializeToNode(new ProbeResult(probe.DeepClone(), null, "NotImplementedException"), AnswerJson.Options));
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                results.Add(JsonSerializer.SerializeToNode(new ProbeResult(probe.DeepClone(), null, $"{error.GetType().Name}: {error.Message}"), AnswerJson.Options));
            }
        }
        return notImplemented == all.Count && all.Count > 0 ? CapturedAnswer.NotAttempted : new CapturedAnswer(results);
    }
}
