using CourseKit.Charts;
using CourseKit.Data;
using CourseKit.Evidence;
using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Grading;
using CourseKit.Judgment;
using Plotly.NET;

namespace CourseKit.Tests.Exercises;

/// <summary>Plausible wrong answers, at least two per exercise: each fails with a helpful message that gives nothing away.</summary>
[Trait("Category", "Slow")]
public sealed class WrongAnswerTests
{
    private const string Long = "because users can now hand over a screenshot or a voice note directly and the product flow gets shorter for them";

    private static TrendAnalysis Analysis(int cost = 5, string costReason = Long, Dimension strongest = Dimension.NewInteraction, string? workflowReason = null) =>
        new("real-time voice agents", new(7, Long + " one"), new(cost, costReason), new(9, Long + " two"), new(7, workflowReason ?? Long + " three"), strongest);

    [Fact]
    public void L1E1_one_dimension_off_out_of_range_short_reason_or_copied_reasons()
    {
        Grade.Fails("L1.E1", Analysis(strongest: Dimension.CostImpact), "your own scores rate another dimension higher");
        Grade.Fails("L1.E1", Analysis(cost: 12), "The Cost score is 12; scores run from 0 to 10.");
        Grade.Fails("L1.E1", Analysis(costReason: "it is cheaper"), "The reason for Cost has 3 words; write at least 8 words");
        Grade.FailsOnlyHidden("L1.E1", Analysis(workflowReason: Long + " one"), "reasons in your own words");
    }

    public static TheoryData<string> FreeTextIds => new(ExerciseCatalog.All.Where(e => e.Kind == CourseKit.Exercises.Model.ExerciseKind.FreeText).Select(e => e.Id));

    [Theory]
    [MemberData(nameof(FreeTextIds))]
    public void Free_text_too_short_fails_and_long_enough_needs_manual_grading(string id)
    {
        Grade.Fails(id, "idk", "Your answer has 1 word; write at least");
        Grade.Fails(id, "It changes the entry point because users start from images.", "Your answer has 10 words");
        var filled = Grade.Answer(id, string.Join(' ', Enumerable.Repeat(Long, 3)));
        Assert.Equal(ExerciseStatus.NeedsManualGrading, filled.Status);
        Assert.Equal(0, filled.Earned);
        Assert.Equal(ExerciseStatus.NotAttempted, Grade.Answer(id, "\nYOUR ANSWER HERE\n").Status);
    }

    [Fact]
    public void L1E5_short_justification_missing_product_or_off_topic_justification()
    {
        Grade.Fails("L1.E5", new ProductBet("Photo notes app", MainBet.Multimodality, "It uses photos."), "Your justification has 3 words; write at least 20");
        Grade.Fails("L1.E5", new ProductBet(" ", MainBet.OnDevice, Long), "Name the product you judged");
        Grade.FailsOnlyHidden("L1.E5", new ProductBet("Offline translator", MainBet.OnDevice,
            "It is loved by many travellers who want good results and it has a clean design with lots of nice colours and friendly buttons everywhere"),
            "justification speaks to the chosen bet");
    }

    private static RankedScore[] RankWith(params (string, decimal)[] weights) =>
        CourseKit.Ranking.WeightedRanking.Rank(CourseData.ImageThreads().Select(t => t.ToRankingItem()), new CourseKit.Ranking.Weights(weights))
            .Select(r => new RankedScore(r.Name, r.Score)).ToArray();

    [Fact]
    public void L2E1_cost_sign_flipped_or_the_lesson_weights_or_a_thread_missing()
    {
        Grade.Fails("L2.E1", RankWith(("product_value", 0.3m), ("stability", 0.3m), ("engineering_cost", 0.4m)),
            "mind each weight's sign", "2.7", "2.6");
        Grade.Fails("L2.E1", RankWith(("product_value", 0.5m), ("stability", 0.3m), ("engineering_cost", -0.2m)),
            "Place 1 is not right yet (you have 'stronger controllable editing')", "faster sampling'");
        Grade.Fails("L2.E1", RankWith(("product_value", 0.3m), ("stability", 0.3m), ("engineering_cost", -0.4m))[..3],
            "1 thread is missing from your answer; list all 4.");
    }

    [Fact]
    public void L2E2_a_name_not_in_the_table_or_another_thread()
    {
        Grade.Fails("L2.E2", new Choice("better image quality", Long), "'better image quality' is not one of the four threads");
        Grade.Fails("L2.E2", new Choice("faster sampling", "speed"), "Your justification has 1 word");
        Grade.FailsOnlyHidden("L2.E2", new Choice("faster sampling", Long), "the thread that keeps products intact");
    }

    [Fact]
    public void L2E5_sign_flipped_weights_swapped_throwing_or_fitted_to_the_public_threads()
    {
        Grade.Fails("L2.E5", (Func<ImageThread, decimal>)(t => t.ProductValue * 0.5m + t.Stability * 0.3m + t.EngineeringCost * 0.2m),
            "For 'faster sampling' your function returns 8.1, which is not what the lesson's rule gives", "5.7");
        Grade.Fails("L2.E5", (Func<ImageThread, decimal>)(t => t.ProductValue * 0.3m + t.Stability * 0.5m - t.EngineeringCost * 0.2m),
            "which is not what the lesson's rule gives", "5.7");
        Grade.Fails("L2.E5", (Func<ImageThread, decimal>)(t => t.Stability < 6 ? throw new InvalidOperationException("no") : Lesson2.SeedScore(t)),
            "Your function threw InvalidOperationException: no for 'from single images to video and 3D'");
        var table = new Dictionary<string, decimal> { ["faster sampling"] = 5.7m, ["stronger controllable editing"] = 6.0m, ["unified multimodal input"] = 4.2m, ["from single images to video and 3D"] = 3.7m };
        Grade.FailsOnlyHidden("L2.E5", (Func<ImageThread, decimal>)(t => table.GetValueOrDefault(t.Name)), "right score on threads the lesson never shows");
        Assert.Equal(ExerciseStatus.NotAttempted, Grade.Answer("L2.E5", (Func<ImageThread, decimal>)(_ => throw new NotImplementedException())).Status);
    }

    private const string Six = "six words are enough for this field";

    [Fact]
    public void L2E6_a_field_missing_fields_too_short_or_no_failure_kind()
    {
        Grade.Fails("L2.E6", new ImageGenerationEvidenceCard(Six, Six, null, Six + " drift", Six), "card.Check() reports these fields missing or empty: Technical Note.");
        Grade.Fails("L2.E6", new ImageGenerationEvidenceCard("a shoe", Six, Six, Six + " drift", Six), "The field Prompt Record has 2 words; write at least 6");
        Grade.FailsOnlyHidden("L2.E6", new ImageGenerationEvidenceCard(Six, Six, Six, Six, Six), "failure check names a failure kind");
        Assert.Equal(ExerciseStatus.NotAttempted, Grade.Answer("L2.E6", new ImageGenerationEvidenceCard()).Status);
    }

    [Fact]
    public void L2E7_the_distance_instead_of_the_value_or_the_wrong_new_top()
    {
        Grade.Fails("L2.E7", new WeightFlip("product_value", 0.3m, "faster sampling"), "0.3 is not where the top item changes", "0.2");
        Grade.Fails("L2.E7", new WeightFlip("product_value", 0.2m, "unified multimodal input"), "'unified multimodal input' is not the item that takes the top", "faster sampling");
        Grade.Fails("L2.E7", new WeightFlip("stability", 0.2m, "faster sampling"), "This exercise is about the product_value weight");
    }

    private static TrendTotal[] Totals(Func<TrendVerdict, TrendTotal>? change = null) =>
        Scoring.NewTrends().Select(t => FourDimensionCheck.Evaluate(t.Scores))
            .Select(v => change?.Invoke(v) ?? new TrendTotal(v.Name, v.Total, v.StrongestChange)).ToArray();

    [Fact]
    public void L3E1_a_total_off_by_one_or_a_tie_broken_the_other_way()
    {
        Grade.Fails("L3.E1", Totals(v => v.Name == "efficient_ai" ? new(v.Name, v.Total + 1, v.StrongestChange) : null!),
            "The total for 'efficient_ai' (25) is not the sum of its four scores", "24");
        Grade.Fails("L3.E1", Totals(v => v.Name == "multimodal_ai" ? new(v.Name, v.Total, Dimension.NewInteraction) : null!),
            "For 'multimodal_ai' two dimensions share the highest score");
        Grade.Fails("L3.E1", Totals(v => v.Name == "ai_agents" ? new(v.Name, v.Total, Dimension.Ability) : null!),
            "For 'ai_agents', Capability is not its highest score");
    }

    private static readonly string[] Labels = ["Capability", "Cost impact", "New interaction", "Workflow change"];

    private static GenericChart Radar(bool close = true, bool range = true, int traces = 3, bool swap = false)
    {
        var trends = Scoring.NewTrends().Where(t => Lesson3.RadarTrends.Contains(t.Trend)).Take(traces);
        var list = trends.Select(t =>
        {
            var r = t.Scores.Values.ToList();
            if (swap) (r[0], r[1]) = (r[1], r[0]);
            var theta = Labels.ToList();
            if (close) { r.Add(r[0]); theta.Add(theta[0]); }
            return PlotlyObject.Trace("scatterpolar", ("name", t.Trend), ("r", r.ToArray()), ("theta", theta.ToArray()), ("fill", "toself"));
        });
        var layout = range
            ? PlotlyObject.Layout(("polar", PlotlyObject.Of(("radialaxis", PlotlyObject.Of(("range", new[] { 0, 10 }))))))
            : PlotlyObject.Layout(("title", "radar"));
        return PlotlyObject.Chart(list, layout);
    }

    [Fact]
    public void L3E2_open_polygon_no_fixed_range_a_trace_missing_or_scores_on_the_wrong_spoke()
    {
        Assert.Equal(ExerciseStatus.Passed, Grade.Answer("L3.E2", Radar()).Status);
        Assert.Equal(ExerciseStatus.Passed, Grade.Answer("L3.E2", CourseKit.Charts.Charts.Radar(Lesson3.RadarScores)).Status);
        Grade.Fails("L3.E2", Radar(close: false), "The outline of 'multimodal_ai' is open: repeat its first point");
        Grade.Fails("L3.E2", Radar(range: false), "The radial axis has no fixed range");
        Grade.Fails("L3.E2", Radar(traces: 2), "1 trend is missing from your answer; list all 3.");
        Grade.Fails("L3.E2", Radar(swap: true), "In 'multimodal_ai' the value at 'Capability' is 5, which is not that trend's score on this dimension");
    }

    private static RankedScore[] Outlooks((string, decimal)[] weights) =>
        CourseKit.Ranking.WeightedRanking.Rank(Lesson4.OutlookItems, new CourseKit.Ranking.Weights(weights))
            .Select(r => new RankedScore(r.Name, r.Score)).ToArray();

    [Fact]
    public void L4E1_a_weight_sign_flipped_or_two_places_swapped()
    {
        Grade.Fails("L4.E1", Outlooks([("ability", 0.2m), ("cost_impact", -0.2m), ("new_interaction", 0.2m), ("workflow_change", 0.4m)]),
            "mind each weight's sign", "7.0", "6.4");
        var right = Outlooks([("ability", 0.2m), ("cost_impact", 0.2m), ("new_interaction", 0.2m), ("workflow_change", 0.4m)]);
        Assert.Equal(ExerciseStatus.Passed, Grade.Answer("L4.E1", right).Status);
        Grade.Fails("L4.E1", new[] { right[1], right[0], right[2], right[3] }, "Place 1 is not right yet");
        Grade.Fails("L4.E1", right.Select(r => r with { Score = Math.Floor(r.Score) }).ToArray(), "does not follow the given weights");
    }

    [Fact]
    public void L4E2_the_wrong_weight_or_threshold_or_new_top()
    {
        var (criterion, threshold, newTop) = Scoring.SmallestFlip(Lesson4.OutlookItems, Scoring.ToBWeights);
        var other = Scoring.ToBWeights.Names.First(n => n != criterion);
        Grade.Fails("L4.E2", new WeightFlip(other, threshold, newTop), $"Moving the {other} weight is not the smallest move", criterion);
        Grade.Fails("L4.E2", new WeightFlip(criterion, threshold + 0.1m, newTop), "is not where the top item changes", Math.Round(threshold, 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var wrongTop = Lesson4.OutlookItems.Select(i => i.Name).First(n => n != newTop);
        Grade.Fails("L4.E2", new WeightFlip(criterion, threshold, wrongTop), "is not the item that takes the top", newTop);
    }

    [Fact]
    public void A_value_of_the_wrong_type_reads_as_unreadable_not_as_a_crash()
    {
        var result = Grade.Answer("L2.E1", 42);
        Assert.Equal(ExerciseStatus.Failed, result.Status);
        Assert.Contains("should be a list of RankedScore, but it is a value of type Int32", result.Summary);
    }
}
