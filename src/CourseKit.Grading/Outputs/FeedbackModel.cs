using CourseKit.Checking.NotebookChecks;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Evaluation;
using CourseKit.Exercises.Model;
using CourseKit.Grading.Results;

namespace CourseKit.Grading.Outputs;

/// <summary>One check as a student may see it: hidden checks carry no message.</summary>
public sealed record FeedbackCheck(string Name, string PointsLabel, bool Passed, string? Message, bool Hidden);

/// <summary>One exercise's feedback: verdict, points, the public messages and, unless passed, the hints.</summary>
public sealed record FeedbackExercise(string Id, string Title, string Verdict, decimal Earned, int Points, string Summary,
    IReadOnlyList<FeedbackCheck> Checks, IReadOnlyList<string> Hints, bool AwaitsInstructor);

/// <summary>
/// What a student's feedback says, built once for the Markdown and the HTML page. Hidden checks appear by
/// name and points only: their messages (which may hint at the expected values) are dropped here.
/// </summary>
public sealed record FeedbackModel(string StudentId, decimal Total, int Max, IReadOnlyList<string> Problems, IReadOnlyList<FeedbackExercise> Exercises,
    string? NotGradable = null)
{
    /// <summary>
    /// The total, and how many points are still to come from the instructor, so a total is never read as final too
    /// early; for a submission that is not gradable, that it has no score and why.
    /// </summary>
    public string TotalLine
    {
        get
        {
            if (NotGradable is not null)
                return "Not gradable: nothing in this submission was graded, so it has no score (which is not a score of 0). The problem below says why.";
            var pending = Exercises.Where(e => e.AwaitsInstructor).Sum(e => e.Points);
            return pending == 0
                ? $"Total: {Csv.Number(Total)} of {Max} points."
                : $"Total so far: {Csv.Number(Total)} of {Max} points. Your written answers, worth {pending} more points, await the instructor's grading.";
        }
    }

    /// <summary>The student's own code where a notebook stopped on a compile error or exception, the failing lines marked.</summary>
    public IReadOnlyList<FailedCode> FailedCode { get; init; } = [];

    public static FeedbackModel Of(StudentResult result) => new(
        result.StudentId, result.Total, StudentResult.MaxTotal, result.Problems,
        result.IsGradable ? ExerciseCatalog.All.Select(e => Exercise(e, result)).ToList() : [], result.NotGradable)
    {
        FailedCode = result.FailedCode,
    };

    private static FeedbackExercise Exercise(Exercise exercise, StudentResult student)
    {
        var result = student.Exercise(exercise.Id)
            ?? new ExerciseResult(exercise.Id, exercise.Title, ExerciseStatus.NotRun, 0, exercise.Points, [], "not graded.");
        var awaits = student.AwaitsInstructor(exercise.Id);
        var verdict = !student.IsRubricGraded(exercise.Id) ? result.Status.Label()
            : awaits ? "awaiting manual grading"
            : "graded by the instructor";
        var summary = student.IsRubricGraded(exercise.Id) && !awaits
            ? $"the instructor awarded {Csv.Number(student.Manual[exercise.Id])} of {exercise.Points} points by rubric."
            : result.Status == ExerciseStatus.Failed && result.Checks.FirstOrDefault(c => !c.Passed) is { Hidden: true } hidden && result.Reason is null
                ? $"the instructor's check '{hidden.Name}' did not pass."
                : result.Summary;
        var checks = result.Checks
            .Select(c => new FeedbackCheck(c.Name, c.PointsLabel, c.Passed, c.StudentMessage, c.Hidden))
            .ToList();
        var hints = result.Status is ExerciseStatus.Passed or ExerciseStatus.NeedsManualGrading ? [] : exercise.Hints;
        return new FeedbackExercise(exercise.Id, exercise.Title, verdict, student.Score(exercise.Id), exercise.Points, summary, checks, hints, awaits);
    }
}
