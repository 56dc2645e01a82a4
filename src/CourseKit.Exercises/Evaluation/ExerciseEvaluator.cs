using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Model;

namespace CourseKit.Exercises.Evaluation;

/// <summary>Evaluates an exercise's checks on answer DATA; it never sees the learner's code.</summary>
public static class ExerciseEvaluator
{
    public const string NotAttemptedReason =
        "the answer cell still holds its placeholder. Replace it with your answer and run the check cell below it.";

    /// <param name="hidden">Instructor-only checks; empty in the student edition.</param>
    public static ExerciseResult Evaluate(Exercise exercise, CapturedAnswer answer, IReadOnlyList<Check> hidden)
    {
        var possible = exercise.PublicPoints + hidden.Sum(c => c.Points) + exercise.ManualPoints;
        if (!answer.IsAttempted)
            return new ExerciseResult(exercise.Id, exercise.Title, ExerciseStatus.NotAttempted, 0, possible, [], NotAttemptedReason);
        if (answer.Data is null)
            return new ExerciseResult(exercise.Id, exercise.Title, ExerciseStatus.Failed, 0, possible, [],
                $"Your answer could not be read: {answer.Problem}");

        var outcomes = exercise.Checks.Select(c => Run(c, answer, hidden: false))
            .Concat(hidden.Select(c => Run(c, answer, hidden: true)))
            .ToList();
        var earned = outcomes.Sum(o => o.Earned);
        var status = outcomes.All(o => o.Passed)
            ? exercise.Kind == ExerciseKind.FreeText ? ExerciseStatus.NeedsManualGrading : ExerciseStatus.Passed
            : ExerciseStatus.Failed;
        return new ExerciseResult(exercise.Id, exercise.Title, status, earned, possible, outcomes);
    }

    /// <summary>The result for an exercise whose check cell never ran.</summary>
    public static ExerciseResult NotRun(Exercise exercise, IReadOnlyList<Check> hidden, string reason) =>
        new(exercise.Id, exercise.Title, ExerciseStatus.NotRun, 0,
            exercise.PublicPoints + hidden.Sum(c => c.Points) + exercise.ManualPoints, [], reason);

    private static CheckOutcome Run(Check check, CapturedAnswer answer, bool hidden)
    {
        var result = check.Evaluate(answer.Data!);
        return new CheckOutcome(check.Name, check.Points, result.Passed, result.Message, hidden);
    }
}
