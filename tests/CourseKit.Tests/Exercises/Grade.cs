using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Evaluation;
using CourseKit.Exercises.Hidden;

namespace CourseKit.Tests.Exercises;

/// <summary>Evaluates a test's own fixture answer (never student code) with public and hidden checks.</summary>
public static class Grade
{
    public static ExerciseResult Answer(string id, object? answer)
    {
        var exercise = ExerciseCatalog.Get(id);
        var data = exercise.Shape.Capture(answer, HiddenChecks.All.ProbesFor(id));
        return ExerciseEvaluator.Evaluate(exercise, data, HiddenChecks.All.ChecksFor(id));
    }

    /// <summary>Asserts the answer fails, that a failed check's message contains <paramref name="says"/> and none of <paramref name="secrets"/>.</summary>
    public static void Fails(string id, object? answer, string says, params string[] secrets)
    {
        var result = Answer(id, answer);
        Assert.Equal(ExerciseStatus.Failed, result.Status);
        var messages = result.Checks.Where(c => !c.Passed).Select(c => c.Message).Append(result.Reason ?? "").ToList();
        Assert.Contains(messages, m => m.Contains(says, StringComparison.Ordinal));
        foreach (var message in messages)
            foreach (var secret in secrets)
                Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
    }

    /// <summary>Asserts only hidden checks fail: the public checks pass, the grade is not full.</summary>
    public static void FailsOnlyHidden(string id, object? answer, string hiddenCheck)
    {
        var result = Answer(id, answer);
        Assert.Equal(ExerciseStatus.Failed, result.Status);
        Assert.All(result.Checks.Where(c => !c.Hidden), c => Assert.True(c.Passed, c.Message));
        Assert.Contains(result.Checks, c => c.Hidden && !c.Passed && c.Name == hiddenCheck);
    }
}
