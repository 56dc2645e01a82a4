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
            "'stronger controllable editing' leads alone while the product_value weight is in (0.2, +∞) (now 0.5); at 0.2 it ties with 'faster sampling'; below 0.2, 'faster sampling' takes the top",
            range.ToString());
    }

    [Fact]
    public void At_a_bound_the_top_item_ties_with_its_rival_and_the_tie_shares_a_place()
    {
        var range = Sensitivity.TopItemRange(SeedThreads(), Weights.ImagePriority, "product_value");
        var ranked = WeightedRanking.Rank(SeedThreads(), Weights.ImagePriority.With("product_value", range.Lower!.Value));

        Assert.Equal(ranked[0].Score, ranked[1].Score);
        Assert.Equal([1, 1], ranked.Take(2).Select(r => r.Rank));
        Assert.Equal(["faster sampling", "stronger controllable editing"], ranked.Take(2).Select(r => r.Name).Order());
        Assert.True(range.Contains(range.Lower.Value));
    }

    [Fact]
    public void An_unknown_criterion_is_rejected()
    {
        Assert.Throws<ArgumentException>(() =>
            Sensitivity.TopItemRange(SeedThreads(), Weights.ImagePriority, "speed"));
    }
}
