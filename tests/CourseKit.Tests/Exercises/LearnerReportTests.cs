using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.InNotebook;

namespace CourseKit.Tests.Exercises;

public sealed class LearnerReportTests
{
    [Fact]
    public void A_failed_hidden_check_shows_its_name_and_points_but_never_its_message()
    {
        var result = Grade.Answer("L2.E2", new Choice("faster sampling", string.Join(' ', Enumerable.Repeat("speed matters for shop images", 5))));
        var text = LearnerReport.Text(ExerciseCatalog.Get("L2.E2"), result);

        Assert.Contains("✗ the thread that keeps products intact (0/1)", text);
        Assert.DoesNotContain("seed's reasoning", text);
        Assert.DoesNotContain("controllable", text);
        Assert.Equal("the instructor's check 'the thread that keeps products intact' did not pass.", result.Summary);
    }

    [Fact]
    public void In_the_notebook_a_passing_answer_says_how_many_points_the_instructors_checks_still_decide()
    {
        var exercise = ExerciseCatalog.Get("L1.E5");
        var answer = new ProductBet("Offline translator", MainBet.OnDevice, string.Join(' ', Enumerable.Repeat("works on the phone without network", 4)));
        var result = CourseKit.Exercises.Evaluation.ExerciseEvaluator.Evaluate(exercise, exercise.Shape.Capture(answer, []), []);

        Assert.Contains("✓ Passed: 2 of 2 points from the checks. The exercise is worth 3; the instructor's checks award the other 1.",
            LearnerReport.Text(exercise, result));
    }

    [Fact]
    public void A_free_text_answer_is_in_and_its_length_gate_shows_no_points()
    {
        var exercise = ExerciseCatalog.Get("L1.E2");
        var answer = string.Join(' ', Enumerable.Repeat("a photo replaces the typed description", 6));
        var result = CourseKit.Exercises.Evaluation.ExerciseEvaluator.Evaluate(exercise, exercise.Shape.Capture(answer, []), []);

        Assert.Equal(
            "L1.E2 · Why multimodality changes the entry point\n✓ Your answer is in. The instructor grades it by rubric (2 points).\n  ✓ answer is long enough",
            LearnerReport.Text(exercise, result).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Hints_come_one_tier_at_a_time_and_name_the_next_call()
    {
        var exercise = ExerciseCatalog.Get("L3.E2");
        Assert.StartsWith("Hint 1 of 3: ", Checker.NextHint(exercise, 0));
        Assert.EndsWith("Run Hint(\"L3.E2\") for the next one.", Checker.NextHint(exercise, 0));
        Assert.StartsWith("Hint 3 of 3: ", Checker.NextHint(exercise, 7));
    }
}
