using System.Text.Json.Nodes;

namespace CourseKit.Exercises.Answers;

/// <summary>
/// A learner's answer as data. <see cref="Data"/> is null when the answer cell still holds its placeholder
/// (not attempted) or when <see cref="Problem"/> says why the answer could not be read.
/// </summary>
public sealed record CapturedAnswer(JsonNode? Data, string? Problem = null)
{
    public static CapturedAnswer NotAttempted { get; } = new((JsonNode?)null);

    public static CapturedAnswer Unreadable(string problem) => new(null, problem);

    public bool IsAttempted => Data is not null || Problem is not null;
}
