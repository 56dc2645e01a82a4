using CourseKit.Data;
using CourseKit.Judgment;

namespace CourseKit.Tests.Judgment;

public class FourDimensionCheckTests
{
    [Fact]
    public void Seed_trends_reproduce_the_seed_summary_lines_exactly()
    {
        var lines = CourseData.SeedTrends().Select(t => t.Verdict.SummaryLine).ToList();

        Assert.Equal(
        [
            "multimodal: total=32, strongest_change=ability",
            "small_models: total=27, strongest_change=cost_impact",
            "real_time_generation: total=32, strongest_change=new_interaction",
        ], lines);
    }

    [Fact]
    public void Seed_trends_reproduce_the_seed_advice_lines_exactly()
    {
        var lines = CourseData.SeedTrends().Select(t => t.Verdict.AdviceLine).ToList();

        Assert.Equal(
        [
            "multimodal -> First look at what new tasks it can do",
            "small_models -> First look at whether it lowers large-scale usage cost",
            "real_time_generation -> First look at whether it changes the user entry point",
        ], lines);
    }

    [Theory]
    [InlineData(9, 6, 9, 8, Dimension.Ability)]          // ability ties new_interaction: earlier wins
    [InlineData(7, 8, 9, 9, Dimension.NewInteraction)]   // new_interaction ties workflow_change
    [InlineData(5, 5, 5, 5, Dimension.Ability)]          // all equal
    [InlineData(1, 2, 2, 2, Dimension.CostImpact)]
    [InlineData(0, 0, 0, 1, Dimension.WorkflowChange)]
    public void Strongest_change_breaks_ties_toward_the_earlier_dimension(int a, int c, int i, int w, Dimension expected)
    {
        var verdict = FourDimensionCheck.Evaluate(new TrendScores("t", a, c, i, w));

        Assert.Equal(expected, verdict.StrongestChange);
        Assert.Equal(a + c + i + w, verdict.Total);
    }

    [Theory]
    [InlineData(11, 0, 0, 0, "ability")]
    [InlineData(0, -1, 0, 0, "cost_impact")]
    [InlineData(0, 0, 42, 0, "new_interaction")]
    [InlineData(0, 0, 0, 10_000, "workflow_change")]
    public void Scores_outside_0_to_10_are_rejected_naming_trend_and_dimension(int a, int c, int i, int w, string key)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TrendScores("agents", a, c, i, w));

        Assert.Contains("Trend 'agents'", error.Message);
        Assert.Contains($"{key} must be a whole number from 0 to 10", error.Message);
    }

    [Fact]
    public void A_trend_needs_a_name()
    {
        Assert.Throws<ArgumentException>(() => new TrendScores(" ", 1, 1, 1, 1));
    }

    [Fact]
    public void The_ask_first_table_has_the_four_seed_questions()
    {
        Assert.Equal(
        [
            new AskFirstQuestion("Capability", "What can it do now that it couldn't do before?"),
            new AskFirstQuestion("Cost", "What became cheaper, or did it become more expensive instead?"),
            new AskFirstQuestion("Interaction", "Has the user-system interaction entry point changed?"),
            new AskFirstQuestion("Workflow", "Does it make the product flow shorter, faster, or more complex?"),
        ], AskFirstTable.Rows);
    }

    [Fact]
    public void Dimension_keys_round_trip()
    {
        foreach (var dimension in Dimensions.All)
        {
            Assert.True(Dimensions.TryParseKey(dimension.Key(), out var parsed));
            Assert.Equal(dimension, parsed);
        }
        Assert.False(Dimensions.TryParseKey("speed", out _));
    }
}
