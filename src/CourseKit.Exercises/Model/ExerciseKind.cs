namespace CourseKit.Exercises.Model;

/// <summary>What kind of answer an exercise asks for.</summary>
public enum ExerciseKind
{
    /// <summary>A number, list or table the learner computes.</summary>
    Computed,

    /// <summary>A function or chart the learner writes; checked through its results or its chart JSON.</summary>
    Code,

    /// <summary>A judgment with a fixed structure: scores, choices and reasons.</summary>
    Structured,

    /// <summary>A short text the instructor grades by rubric; the checker only checks it is there and long enough.</summary>
    FreeText,
}
