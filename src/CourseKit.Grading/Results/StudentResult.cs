using CourseKit.Checking.NotebookChecks;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Evaluation;
using CourseKit.Exercises.Model;

namespace CourseKit.Grading.Results;

/// <summary>A free-text answer the instructor grades by rubric.</summary>
public sealed record FreeTextAnswer(string ExerciseId, string Text);

/// <summary>
/// One student's graded submission: every exercise's verdict (computed in the grader from answer data),
/// the problems found, the free-text answers and the manual points merged from the sheet. A submission the grader
/// refused to read has <see cref="NotGradable"/> set to why: it has no score, which the outputs show apart from a 0.
/// <see cref="Conflict"/> says what else was handed in under the same id and was not graded.
/// </summary>
public sealed record StudentResult(
    string StudentId,
    IReadOnlyList<ExerciseResult> Exercises,
    IReadOnlyList<string> Problems,
    IReadOnlyList<FreeTextAnswer> FreeText,
    IReadOnlyDictionary<string, decimal> Manual,
    double Seconds,
    string? NotGradable = null,
    string? Conflict = null)
{
    /// <summary>The student's code where a notebook stopped on a compile error or exception, shown in the feedback.</summary>
    public IReadOnlyList<FailedCode> FailedCode { get; init; } = [];

    public bool IsGradable => NotGradable is null;

    /// <summary>This result with the conflict of its submission, if any, also listed first among its problems.</summary>
    public StudentResult WithConflict(string? conflict) =>
        conflict is null ? this : this with { Conflict = conflict, Problems = [conflict, .. Problems.Where(p => p != conflict)] };

    public decimal Total => Exercises.Sum(e => e.Earned) + Manual.Values.Sum();

    /// <summary>The exercise's points: what its checks earned plus manual points.</summary>
    public decimal Score(string exerciseId) =>
        (Exercises.FirstOrDefault(e => e.Id == exerciseId)?.Earned ?? 0) + Manual.GetValueOrDefault(exerciseId);

    public ExerciseResult? Exercise(string exerciseId) => Exercises.FirstOrDefault(e => e.Id == exerciseId);

    /// <summary>A free-text answer handed in, which the instructor grades by rubric (awaiting it or already graded).</summary>
    public bool IsRubricGraded(string exerciseId) =>
        ExerciseCatalog.Get(exerciseId).Kind == ExerciseKind.FreeText && Exercise(exerciseId)?.Status == ExerciseStatus.NeedsManualGrading;

    /// <summary>A free-text answer still waiting for the instructor's points.</summary>
    public bool AwaitsInstructor(string exerciseId) => IsRubricGraded(exerciseId) && !Manual.ContainsKey(exerciseId);

    public static int MaxTotal => ExerciseCatalog.All.Sum(e => e.Points);
}
