namespace CourseKit.Exercises.Evaluation;

/// <summary>One check's outcome. <see cref="Hidden"/> checks are reported to students by name and points only.</summary>
public sealed record CheckOutcome(string Name, int Points, bool Passed, string Message, bool Hidden)
{
    public int Earned => Passed ? Points : 0;

    /// <summary>" (1/2)" after the check's name, or nothing for a check worth no points (e.g. a free-text answer's length gate).</summary>
    public string PointsLabel => Points == 0 ? "" : $" ({Earned}/{Points})";

    /// <summary>What a student may read: a failed public check's message; never a hidden check's, which may give the expected values away.</summary>
    public string? StudentMessage => Passed || Hidden || Message.Length == 0 ? null : Message;
}

/// <summary>The verdict on one exercise: status, points and every check's outcome.</summary>
public sealed record ExerciseResult(
    string Id,
    string Title,
    ExerciseStatus Status,
    int Earned,
    int Possible,
    IReadOnlyList<CheckOutcome> Checks,
    string? Reason = null)
{
    /// <summary>The first failed check's message, or the reason the exercise was not checked.</summary>
    public string Summary => Status switch
    {
        ExerciseStatus.Passed => "all checks passed.",
        ExerciseStatus.NeedsManualGrading => "your answer is in; the instructor grades it by rubric.",
        ExerciseStatus.Failed when Reason is not null => Reason,
        ExerciseStatus.Failed => Checks.First(c => !c.Passed) is var first && first.Hidden
            ? $"the instructor's check '{first.Name}' did not pass."
            : Checks.First(c => !c.Passed && !c.Hidden).Message,
        _ => Reason ?? "",
    };

    /// <summary>One line for a test listing, e.g. <c>L1.E3 failed (1/3): …</c>.</summary>
    public string Line => $"{Id} {Status.Label()} ({Earned}/{Possible}): {Summary}";
}
