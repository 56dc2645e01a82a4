using CourseKit.Data;
using CourseKit.Ranking;

namespace CourseKit.Tests.Ranking;

public class WeightedRankingTests
{
    private static IReadOnlyList<RankingItem> SeedThreads() =>
        CourseData.ImageThreads().Select(t => t.ToRankingItem()).ToList();

    [Fact]
    public void Seed_threads_rank_exactly_as_the_seed_prints_them()
    {
        var ranked = WeightedRanking.Rank(SeedThreads());

        Assert.Equal(
            ["stronger controllable editing", "faster sampling", "unified multimodal input", "from single images to video and 3D"],
            ranked.Select(r => r.Name));
        Assert.Equal([6.0m, 5.7m, 4.2m, 3.7m], ranked.Select(r => r.Score));
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Ranked_items_print_the_seed_expected_output_lines()
    {
        var lines = WeightedRanking.Rank(SeedThreads()).Select(r => r.ToString());

        Assert.Equal(
        [
            "{'name': 'stronger controllable editing', 'product_value': 10, 'engineering_cost': 7, 'stability': 8, 'score': 6.0}",
            "{'name': 'faster sampling', 'product_value': 9, 'engineering_cost': 6, 'stability': 8, 'score': 5.7}",
            "{'name': 'unified multimodal input', 'product_value': 8, 'engineering_cost': 8, 'stability': 6, 'score': 4.2}",
            "{'name': 'from single images to video and 3D', 'product_value': 8, 'engineering_cost': 9, 'stability': 5, 'score': 3.7}",
        ], lines);
    }

    [Fact]
    public void Contributions_show_what_each_criterion_adds()
    {
        var top = WeightedRanking.Rank(SeedThreads())[0];

        Assert.Equal(
            [new Criterion("product_value", 5.0m), new Criterion("stability", 2.4m), new Criterion("engineering_cost", -1.4m)],
            top.Contributions);
        Assert.Equal(top.Score, top.Contributions.Sum(c => c.Value));
    }

    [Fact]
    public void Custom_weights_change_the_order()
    {
        var costAverse = new Weights(("product_value", 0.5m), ("stability", 0.3m), ("engineering_cost", -0.6m));

        var ranked = WeightedRanking.Rank(SeedThreads(), costAverse);

        Assert.Equal("faster sampling", ranked[0].Name);
        Assert.Equal(3.3m, ranked[0].Score);   // 4.5 + 2.4 - 3.6
        Assert.Equal(3.2m, ranked[1].Score);   // 5 + 2.4 - 4.2
    }

    [Fact]
    public void Equal_scores_keep_the_input_order()
    {
        var items = new[]
        {
            new RankingItem("b", ("x", 1m)),
            new RankingItem("a", ("x", 2m)),
            new RankingItem("c", ("x", 1m)),
            new RankingItem("d", ("x", 1m)),
        };

        var ranked = WeightedRanking.Rank(items, new Weights(("x", 1m)));

        Assert.Equal(["a", "b", "c", "d"], ranked.Select(r => r.Name));
    }

    [Fact]
    public void Scores_round_to_two_decimals_half_to_even()
    {
        var items = new[] { new RankingItem("p", ("x", 1m)), new RankingItem("q", ("x", 3m)) };

        var ranked = WeightedRanking.Rank(items, new Weights(("x", 0.125m)));

        Assert.Equal([0.38m, 0.12m], ranked.Select(r => r.Score)); // 0.375 → 0.38, 0.125 → 0.12
    }

    [Fact]
    public void A_weight_for_an_unknown_criterion_is_rejected_listing_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            WeightedRanking.Rank(SeedThreads(), new Weights(("product_valeu", 0.5m))));

        Assert.Contains("'product_valeu'", error.Message);
        Assert.Contains("product_value, engineering_cost, stability", error.Message);
    }

    [Fact]
    public void Weights_must_be_named_unique_and_non_empty()
    {
        Assert.Contains("at least one", Assert.Throws<ArgumentException>(() => new Weights()).Message);
        Assert.Contains("'x' is given twice",
            Assert.Throws<ArgumentException>(() => new Weights(("x", 1m), ("x", 2m))).Message);
        Assert.Contains("criterion name", Assert.Throws<ArgumentException>(() => new Weights(("", 1m))).Message);
    }

    [Fact]
    public void Duplicate_item_names_are_rejected()
    {
        var items = new[] { new RankingItem("a", ("x", 1m)), new RankingItem("a", ("x", 2m)) };

        Assert.Contains("'a' appears twice",
            Assert.Throws<ArgumentException>(() => WeightedRanking.Rank(items, new Weights(("x", 1m)))).Message);
    }

    [Fact]
    public void Default_weights_are_the_seed_rule()
    {
        Assert.Equal("product_value×0.5 + stability×0.3 - engineering_cost×0.2", Weights.ImagePriority.ToString());
    }
}
