using CourseKit.Data;
using CourseKit.Ranking;

namespace CourseKit.Tests.Ranking;

public class SensitivityTests
{
    private static IReadOnlyList<RankingItem> SeedThreads() =>
        CourseData.ImageThreads().Select(t => t.ToRankingItem()).ToList();

    [Fact]
    public void Product_value_weight_can_fall_to_0_2_before_faster_sampling_takes_the_top()
    {
        var range = Sensitivity.TopItemRange(SeedThreads(), Weights.ImagePriority, "product_value");

        Assert.Equal("stronger controllable editing", range.TopItem);
        Assert.Equal(0.5m, range.Current);
        Assert.Equal(0.2m, range.Lower);
        Assert.Equal("faster sampling", range.LeaderBelow);
        Assert.Null(range.Upper);
        Assert.Null(range.LeaderAbove);
    }

    [Fact]
    public void Engineering_cost_weight_keeps_the_top_between_minus_0_5_and_0_95()
    {
        var range = Sensitivity.TopItemRange(SeedThreads(), Weights.ImagePriority, "engineering_cost");

        Assert.Equal(-0.5m, range.Lower);
        Assert.Equal("faster sampling", range.LeaderBelow);
        Assert.Equal(0.95m, range.Upper);
        Assert.Equal("from single images to video and 3D", range.LeaderAbove);
        Assert.True(range.Contains(-0.2m));
        Assert.False(range.Contains(-0.6m));
    }

    [Fact]
    public void The_bounds_are_where_the_top_really_changes()
    {
        var items = SeedThreads();
        var range = Sensitivity.TopItemRange(items, Weights.ImagePriority, "engineering_cost");

        string TopAt(decimal w) =>
            WeightedRanking.Rank(items, Weights.ImagePriority.With("engineering_cost", w))[0].Name;

        Assert.Equal("stronger controllable editing", TopAt(range.Lower!.Value + 0.01m));
        Assert.Equal("faster sampling", TopAt(range.Lower!.Value - 0.01m));
        Assert.Equal("from single images to video and 3D", TopAt(range.Upper!.Value + 0.01m));
    }

    [Fact]
    public void The_summary_reads_as_a_sentence()
    {
        var range = Sensitivity.TopItemRange(SeedThreads(), Weights.ImagePriority, "product_value");

        Assert.Equal(
            "'stronger controllable editing' stays on top while the product_value weight is in [0.2, +∞] (now 0.5); below, 'faster sampling' takes the top",
            range.ToString());
    }

    [Fact]
    public void An_unknown_criterion_is_rejected()
    {
        Assert.Throws<ArgumentException>(() =>
            Sensitivity.TopItemRange(SeedThreads(), Weights.ImagePriority, "speed"));
    }
}
