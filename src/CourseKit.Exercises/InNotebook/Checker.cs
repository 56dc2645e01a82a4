using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Evaluation;
using CourseKit.Exercises.Model;

namespace CourseKit.Exercises.InNotebook;

/// <summary>
/// What an exercise notebook calls, after <c>using static CourseKit.Exercises.InNotebook.Checker;</c>:
/// <c>Check("L1.E3", answer)</c> prints the verdict, the points and the next hint; <c>Hint("L1.E3")</c>
/// prints the next hint. Only the public checks run here, in the learner's own kernel.
/// </summary>
public static class Checker
{
    private static readonly Dictionary<string, int> HintsShown = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records the answer for the checker and prints how it does on the public checks.</summary>
    public static void Check(string id, object? answer)
    {
        var exercise = ExerciseCatalog.Get(id);
        RecordedAnswers.Record(exercise.Id, answer);
        var result = ExerciseEvaluator.Evaluate(exercise, exercise.Shape.Capture(answer, []), []);
        Console.WriteLine(LearnerReport.Text(exercise, result));
        if (result.Status is ExerciseStatus.Failed or ExerciseStatus.NotAttempted)
            Hint(id);
    }

    /// <summary>Forgets recorded answers and hints shown, as a fresh kernel would.</summary>
    public static void Reset()
    {
        RecordedAnswers.Clear();
        lock (HintsShown) HintsShown.Clear();
    }

    /// <summary>Prints the next hint of the exercise; after the last one, repeats it.</summary>
    public static void Hint(string id)
    {
        var exercise = ExerciseCatalog.Get(id);
        int shown;
        lock (HintsShown)
        {
            shown = HintsShown.GetValueOrDefault(exercise.Id);
            HintsShown[exercise.Id] = Math.Min(shown + 1, exercise.Hints.Count);
        }
        Console.WriteLine(NextHint(exercise, shown));
    }

    public static string NextHint(Exercise exercise, int shown)
    {
        if (exercise.Hints.Count == 0) return "There are no hints for this exercise.";
        var index = Math.Min(shown, exercise.Hints.Count - 1);
        var more = index + 1 < exercise.Hints.Count ? $" Run Hint(\"{exercise.Id}\") for the next one." : "";
        return $"Hint {index + 1} of {exercise.Hints.Count}: {exercise.Hints[index]}{more}";
    }
}
