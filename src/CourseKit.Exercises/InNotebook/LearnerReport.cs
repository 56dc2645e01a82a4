using System.Text;
using CourseKit.Exercises.Evaluation;
using CourseKit.Exercises.Model;

namespace CourseKit.Exercises.InNotebook;

/// <summary>The verdict a learner reads under a check cell, and in <c>dotnet test</c>.</summary>
public static class LearnerReport
{
    public static string Text(Exercise exercise, ExerciseResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"{exercise.Id} · {exercise.Title}");
        text.AppendLine(Headline(exercise, result));
        foreach (var check in result.Checks)
        {
            var mark = check.Passed ? "✓" : "✗";
            var detail = check.StudentMessage is { } message ? $": {message}" : "";
            text.AppendLine($"  {mark} {check.Name}{check.PointsLabel}{detail}");
        }
        return text.ToString().TrimEnd();
    }

    private static string Headline(Exercise exercise, ExerciseResult result)
    {
        var rest = exercise.Points - result.Possible;
        var restNote = rest > 0 ? $" The exercise is worth {exercise.Points}; the instructor's checks award the other {rest}." : "";
        return result.Status switch
        {
            ExerciseStatus.NotAttempted => $"○ Not attempted yet: {result.Reason}",
            ExerciseStatus.NotRun => $"○ Not checked: {result.Reason}",
            ExerciseStatus.NeedsManualGrading =>
                $"✓ Your answer is in. The instructor grades it by rubric ({exercise.Points} {(exercise.Points == 1 ? "point" : "points")}).",
            ExerciseStatus.Passed => $"✓ Passed: {result.Earned} of {result.Possible} points from the checks.{restNote}",
            _ when result.Checks.Count == 0 => $"✗ Not yet: {result.Reason}",
            _ => $"✗ Not yet: {result.Earned} of {result.Possible} points from the checks.{restNote}",
        };
    }
}
