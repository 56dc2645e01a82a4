using CourseKit.Charting;
using CourseKit.Data;
using CourseKit.Evidence;
using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Evaluation;
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

    [Fact]
    public void L1E1_a_tie_broken_against_the_course_rule_fails_with_the_rule()
    {
        var tied = new TrendAnalysis("voice notes to tasks", new(8, Long + " one"), new(5, Long), new(8, Long + " two"), new(6, Long + " three"), Dimension.NewInteraction);
        Grade.Fails("L1.E1", tied, "Two dimensions share your highest score", "Capability is");
        Assert.Equal(ExerciseStatus.Passed, Grade.Answer("L1.E1", tied with { StrongestChange = Dimension.Ability }).Status);
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

    private static readonly string[] LessonOrder = ["stronger controllable editing", "faster sampling", "unified multimodal input", "from single images to video and 3D"];

    [Fact]
    public void L2E1_a_thread_missing_or_twice_a_short_reason_or_a_reason_that_ignores_the_first_place()
    {
        Grade.Fails("L2.E1", new ReRanking("a creative app", LessonOrder[..3], Long), "1 thread is missing from your answer; list all 4.");
        Grade.Fails("L2.E1", new ReRanking("a creative app", [.. LessonOrder[..3], LessonOrder[0]], Long), "appears 2 times");
        Grade.Fails("L2.E1", new ReRanking("a creative app", LessonOrder, "Editing matters most."), "Your explanation has 3 words; write at least 30");
        var ignoresFirst = string.Join(' ', Enumerable.Repeat("users care about the whole experience and the team believes this order is right for them", 3));
        Grade.Fails("L2.E1", new ReRanking("an image infrastructure service", ["faster sampling", .. LessonOrder.Where(n => n != "faster sampling")], ignoresFirst),
            "never mentions what your first thread, 'faster sampling', is about");
        Assert.Equal(ExerciseStatus.NotAttempted, Grade.Answer("L2.E1", null).Status);
    }

    [Fact]
    public void L2E2_a_name_not_in_the_table_or_another_thread()
    {
        Grade.Fails("L2.E2", new Choice("better image quality", Long), "'better image quality' is not one of the four threads");
        Grade.Fails("L2.E2", new Choice("faster sampling", "speed"), "Your justification has 1 word");
        Grade.FailsOnlyHidden("L2.E2", new Choice("faster sampling", Long), "the thread that keeps products intact");
    }

    private const string Argument = "A start-up that pays for every GPU-hour cannot afford failed batches or costly engineering, so reliability and cost weigh more than a slightly better picture for its customers every single day.";

    [Fact]
    public void L2E5_cost_rewarded_the_lesson_leader_kept_a_tie_a_wrong_claim_or_a_thin_argument()
    {
        Grade.Fails("L2.E5", new WeightArgument("a GPU-poor start-up", 0.3m, 0.5m, 0.4m, "faster sampling", Argument), "give it a negative weight");
        Grade.Fails("L2.E5", new WeightArgument("a GPU-poor start-up", 0.5m, 0.3m, -0.2m, "faster sampling", Argument), "controllable editing still leads", "6.0", "5.7");
        Grade.Fails("L2.E5", new WeightArgument("a GPU-poor start-up", 0.5m, 0.3m, -0.5m, "faster sampling", Argument), "share first place");
        Grade.Fails("L2.E5", new WeightArgument("a GPU-poor start-up", 0.3m, 0.5m, -0.4m, "unified multimodal input", Argument), "'unified multimodal input' is not in first place");
        Grade.Fails("L2.E5", new WeightArgument("a GPU-poor start-up", 0.3m, 0.5m, -0.4m, "faster sampling", "Cost matters."), "Your argument has 2 words; write at least 30");
        Assert.Equal(ExerciseStatus.Passed, Grade.Answer("L2.E5", new WeightArgument("a GPU-poor start-up", 0.3m, 0.5m, -0.4m, "faster sampling", Argument)).Status);
        Assert.Equal(ExerciseStatus.NotAttempted, Grade.Answer("L2.E5", null).Status);
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

    private const string Evidence = "Our own load test and a public benchmark show a few-step sampler that runs on the existing serving stack, so building and running it costs far less.";

    [Fact]
    public void L2E7_a_change_too_small_a_tie_an_unknown_criterion_or_no_evidence()
    {
        Grade.Fails("L2.E7", new ScoreEvidence("faster sampling", "stability", 9, Evidence), "a tie shares the place and does not take the top");
        Grade.Fails("L2.E7", new ScoreEvidence("faster sampling", "engineering_cost", 5, Evidence), "controllable editing still leads", "0.3", "0.2");
        Grade.Fails("L2.E7", new ScoreEvidence("faster sampling", "speed", 10, Evidence), "'speed' is not one of the criteria");
        Grade.Fails("L2.E7", new ScoreEvidence("faster sampling", "engineering_cost", 6, Evidence), "is already the engineering_cost score");
        Grade.Fails("L2.E7", new ScoreEvidence("faster sampling", "engineering_cost", 4, "a benchmark"), "Your evidence has 2 words; write at least 20");
        Assert.Equal(ExerciseStatus.Passed, Grade.Answer("L2.E7", new ScoreEvidence("stronger controllable editing", "stability", 6, Evidence)).Status);
        Assert.Equal(ExerciseStatus.NotAttempted, Grade.Answer("L2.E7", null).Status);
    }

    private const string Because = "A start-up with a small budget pays for every answer it serves, so the trend that cuts the cost of each answer most is what keeps it alive this year.";

    [Fact]
    public void L3E1_a_trend_outside_the_tie_a_dimension_that_does_not_separate_or_favours_the_other()
    {
        Grade.Fails("L3.E1", new TieBreak("multimodal_ai", Dimension.CostImpact, Because), "is not one of the two trends tied at 24");
        Grade.Fails("L3.E1", new TieBreak("efficient_ai", Dimension.NewInteraction, Because), "the two trends score the same (4), so it cannot separate them");
        Grade.Fails("L3.E1", new TieBreak("open_source_models", Dimension.CostImpact, Because), "scores lower than 'efficient_ai'");
        Grade.Fails("L3.E1", new TieBreak("Efficient AI", Dimension.CostImpact, "cheaper"), "Your explanation has 1 word");
        Assert.Equal(ExerciseStatus.Passed, Grade.Answer("L3.E1", new TieBreak("Open-source models", Dimension.Ability, Because)).Status);
        Assert.Equal(ExerciseStatus.NotAttempted, Grade.Answer("L3.E1", null).Status);
    }

    private const string Placed = "Coding assistants chain generation with retrieval over the code base, tool calls and tests, so the biggest change is how a developer's work flows from one step to the next.";

    [Fact]
    public void L3E2_one_of_the_seven_an_unknown_main_line_an_out_of_range_score_or_a_line_its_scores_contradict()
    {
        Grade.Fails("L3.E2", new MapPlacement("Efficient AI", "Cost efficiency", 5, 9, 4, 6, Placed), "is one of the article's seven");
        Grade.Fails("L3.E2", new MapPlacement("AI coding assistants", "Workflows", 7, 6, 6, 9, Placed), "'Workflows' is not one of the trend map's six main lines");
        Grade.Fails("L3.E2", new MapPlacement("AI coding assistants", "Workflow form", 7, 6, 6, 11, Placed), "The Workflow change score is 11; scores run from 0 to 10.");
        Grade.Fails("L3.E2", new MapPlacement("AI coding assistants", "Cost efficiency", 7, 3, 6, 9, Placed), "Cost impact is its lowest score");
        Assert.Equal(ExerciseStatus.Passed, Grade.Answer("L3.E2", new MapPlacement("AI coding assistants", "Workflow form", 7, 6, 6, 9, Placed)).Status);
        Assert.Equal(ExerciseStatus.NotAttempted, Grade.Answer("L3.E2", null).Status);
    }

    private const string Milestone = "DeepSeek-OCR reads whole documents as images, so tasks that needed a pipeline of separate tools now fit in one model; the largest change is what it can do with a scanned page.";

    [Fact]
    public void L4E1_an_outlook_an_earlier_trend_no_milestone_an_unknown_line_or_a_line_its_scores_contradict()
    {
        Grade.Fails("L4.E1", new MapPlacement("AI4Science breakthroughs", "Capability boundaries", 9, 4, 5, 7, Milestone), "is one of the four 2026 outlooks");
        Grade.Fails("L4.E1", new MapPlacement("Small models", "Cost efficiency", 6, 9, 5, 7, Milestone), "a trend the course already placed in an earlier lesson");
        Grade.Fails("L4.E1", new MapPlacement("AI coding assistants", "Workflow form", 7, 6, 6, 9, Milestone), "is not one of the 2025 milestones lesson 4 reviews");
        Grade.Fails("L4.E1", new MapPlacement("DeepSeek-OCR", "Document reading", 8, 6, 7, 7, Milestone), "is not one of the trend map's six main lines");
        Grade.Fails("L4.E1", new MapPlacement("DeepSeek-OCR", "Cost efficiency", 8, 4, 7, 7, Milestone), "Cost impact is its lowest score");
        Grade.Fails("L4.E1", new MapPlacement("DeepSeek-OCR", "Capability boundaries", 8, 6, 7, 7, "It reads documents."), "Your explanation has 3 words; write at least 25");
        Assert.Equal(ExerciseStatus.Passed, Grade.Answer("L4.E1", new MapPlacement("DeepSeek-OCR", "Capability boundaries", 8, 6, 7, 7, Milestone)).Status);
        Assert.Equal(ExerciseStatus.Passed, Grade.Answer("L4.E1", new MapPlacement("custom chips from Oracle and Google", "Deployment location", 4, 9, 3, 5, Milestone)).Status);
        Assert.Equal(ExerciseStatus.NotAttempted, Grade.Answer("L4.E1", null).Status);
    }

    private const string Sighting = "Enterprise platforms in 2026 route every step of their agent pipelines to right-sized LoRA-tuned experts by default, and case studies show teams redesigning their flows around many small cheap calls.";

    [Fact]
    public void L4E2_a_change_that_moves_nothing_a_wrong_place_a_tie_below_an_unknown_outlook_or_no_evidence()
    {
        // moe_routing_lora: 24, third of four (27, 25, 24, 22).
        Grade.Fails("L4.E2", new OutlookEvidence("moe_routing_lora", Dimension.NewInteraction, 3, 3, Sighting), "still holds place 3 of the four");
        Grade.Fails("L4.E2", new OutlookEvidence("ai4science", Dimension.Ability, 8, 3, Sighting), "still holds place 2 of the four"); // falls to a tie: shares the place
        Grade.Fails("L4.E2", new OutlookEvidence("moe_routing_lora", Dimension.WorkflowChange, 7, 1, Sighting), "does move, but not to place 1", "place 2");
        Grade.Fails("L4.E2", new OutlookEvidence("efficient_ai", Dimension.CostImpact, 10, 1, Sighting), "'efficient_ai' is not one of the four 2026 outlooks");
        Grade.Fails("L4.E2", new OutlookEvidence("moe_routing_lora", Dimension.CostImpact, 9, 3, Sighting), "is already the Cost impact score");
        Grade.Fails("L4.E2", new OutlookEvidence("moe_routing_lora", Dimension.WorkflowChange, 11, 1, Sighting), "scores run from 0 to 10");
        Grade.Fails("L4.E2", new OutlookEvidence("moe_routing_lora", Dimension.WorkflowChange, 7, 2, "a benchmark"), "Your evidence has 2 words; write at least 25");
        Assert.Equal(ExerciseStatus.Passed, Grade.Answer("L4.E2", new OutlookEvidence("moe_routing_lora", Dimension.WorkflowChange, 7, 2, Sighting)).Status);
        Assert.Equal(ExerciseStatus.Passed, Grade.Answer("L4.E2", new OutlookEvidence("MoE routing and inference with LoRA-style tuning", Dimension.WorkflowChange, 6, 2, Sighting)).Status); // a tie above shares place 2
        Assert.Equal(ExerciseStatus.Passed, Grade.Answer("L4.E2", new OutlookEvidence("toc_tob_split", Dimension.WorkflowChange, 5, 2, Sighting)).Status); // 24: below AI4Science, tied with MoE routing at place 2
        Assert.Equal(ExerciseStatus.NotAttempted, Grade.Answer("L4.E2", null).Status);
    }

    [Fact]
    public void A_value_of_the_wrong_type_reads_as_unreadable_not_as_a_crash()
    {
        var result = Grade.Answer("L4.E1", 42);
        Assert.Equal(ExerciseStatus.Failed, result.Status);
        Assert.Contains("should be a value of type MapPlacement, but it is a value of type Int32", result.Summary);
    }
}
