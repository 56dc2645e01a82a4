namespace CourseKit.Grading.Results;

/// <summary>A regraded student keeps the manual points of every free-text answer that did not change.</summary>
public static class ManualCarryOver
{
    public static StudentResult Keep(StudentResult? previous, StudentResult regraded)
    {
        if (previous is null || previous.Manual.Count == 0) return regraded;
        var kept = previous.Manual
            .Where(m => previous.FreeText.FirstOrDefault(a => a.ExerciseId == m.Key)?.Text is { } before
                        && regraded.FreeText.FirstOrDefault(a => a.ExerciseId == m.Key)?.Text == before)
            .ToDictionary(m => m.Key, m => m.Value);
        return regraded with { Manual = kept };
    }
}
