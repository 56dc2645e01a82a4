using CourseKit.Exercises.Answers;

namespace CourseKit.Exercises.Model;

/// <summary>
/// One exercise, defined once. <see cref="Points"/> is the full value, hidden checks and manual grading
/// included; the public checks carry <see cref="PublicPoints"/> of it.
/// </summary>
public sealed record Exercise(
    string Id,
    string Title,
    ExerciseKind Kind,
    int Points,
    string Prompt,
    IReadOnlyList<string> Hints,
    IReadOnlyList<Check> Checks,
    AnswerShape Shape)
{
    /// <summary>The code the learner's answer cell starts with: a typed default that reads as "not attempted".</summary>
    public string StarterCode => Shape.StarterCode;

    /// <summary>The variable (or function) the answer cell defines and the check cell passes on.</summary>
    public string AnswerName => Shape.AnswerName;

    /// <summary>Points only the instructor awards by rubric (free-text answers).</summary>
    public int ManualPoints => Kind == ExerciseKind.FreeText ? Points : 0;

    public int PublicPoints => Checks.Sum(c => c.Points);

    /// <summary>The line of the check cell: records the answer and prints the verdict.</summary>
    public string CheckCall => $"Check(\"{Id}\", {AnswerName});";

    /// <summary>The prompt as the notebook shows it, with id, title and points.</summary>
    public string PromptMarkdown =>
        $"### {Id} · {Title} ({Points} {(Points == 1 ? "point" : "points")}, {KindLabel})\n\n{Prompt}";

    private string KindLabel => Kind switch
    {
        ExerciseKind.Computed => "computed answer",
        ExerciseKind.Code => "code answer",
        ExerciseKind.Structured => "structured judgment",
        _ => "short answer, graded by the instructor",
    };
}
