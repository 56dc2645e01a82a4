namespace CourseKit.Exercises.Evaluation;

public enum ExerciseStatus
{
    Passed,
    Failed,
    NotAttempted,

    /// <summary>A free-text answer that is present and long enough; the instructor grades it.</summary>
    NeedsManualGrading,

    /// <summary>The notebook stopped before this exercise's check cell ran.</summary>
    NotRun,
}

public static class ExerciseStatusText
{
    public static string Label(this ExerciseStatus status) => status switch
    {
        ExerciseStatus.Passed => "passed",
        ExerciseStatus.Failed => "failed",
        ExerciseStatus.NotAttempted => "not attempted",
        ExerciseStatus.NeedsManualGrading => "needs manual grading",
        _ => "not run",
    };
}
