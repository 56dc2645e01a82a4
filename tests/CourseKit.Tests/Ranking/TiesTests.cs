using CourseKit.Charting;
using CourseKit.Data;
using CourseKit.Judgment;
using CourseKit.Ranking;
using CourseKit.Tests.Charts;

namespace CourseKit.Tests.Ranking;

using Charts = CourseKit.Charting.Charts;

/// <summary>One rule for ties, used by rankings, tables and charts alike.</summary>
public class TiesTests
{
    [Fact]
    public void Equal_scores_share_a_place_and_keep_the_data_order()
    {
        var order = Ties.Order(new[] { ("a", 7), ("b", 9), ("c", 9), ("d", 10) }, x => x.Item2);

        Assert.Equal(["d", "b", "c", "a"], order.Select(x => x.Item1));
        Assert.Equal([1, 2, 2, 4], Ties.Places(order.Select(x => x.Item2).ToList()));
        Assert.Equal([true, true, false], Ties.Leaders(new[] { 5, 5, 4 }));
        Assert.Throws<ArgumentException>(() => Ties.Places(new[] { 1, 2 }));
    }

    [Fact]
    public void Tied_weighted_scores_share_a_rank()
    {
        var items = new[] { new RankingItem("a", [new Criterion("x", 1)]), new RankingItem("b", [new Criterion("x", 2)]), new RankingItem("c", [new Criterion("x", 2)]) };
        var ranked = WeightedRanking.Rank(items, new Weights(("x", 1m)));

        Assert.Equal(["b", "c", "a"], ranked.Select(r => r.Name));
        Assert.Equal([1, 1, 3], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Every_bar_tied_for_the_top_is_highlighted_and_titles_label_the_bars()
    {
        var seed = CourseData.SeedTrends();
        var bar = FigureDocument.Of(Charts.Totals(seed, "Totals")).Traces.Single();

        Assert.Equal(["Multimodal", "Real-time generation", "Small models"], FigureDocument.Strings(bar.GetProperty("y")));
        Assert.Equal([ChartStyle.Accent, ChartStyle.Accent, ChartStyle.Muted], FigureDocument.Strings(bar.GetProperty("marker").GetProperty("color")));
    }

    [Fact]
    public void The_ranked_table_and_the_totals_chart_list_ties_in_the_same_order()
    {
        foreach (var trends in new[] { CourseData.TrendsFrom("seed-002"), CourseData.TrendsFrom("seed-003"), CourseData.AllTrends() })
        {
            var chart = FigureDocument.Strings(FigureDocument.Of(Charts.Totals(trends, "t")).Traces.Single().GetProperty("y"));
            var table = TrendTable.ToRankedDataFrame(trends);

            Assert.Equal(chart, table.Columns["title"].Cast<string>());
            var totals = table.Columns["total"].Cast<int>().ToList();
            var places = table.Columns["place"].Cast<int>().ToList();
            for (var i = 1; i < totals.Count; i++)
                Assert.Equal(totals[i] == totals[i - 1], places[i] == places[i - 1]);
        }
    }

    [Fact]
    public void The_strongest_change_rule_is_the_one_the_check_applies()
    {
        Assert.Contains("earlier", Ties.DimensionRule);
        Assert.Equal(Dimension.CostImpact, FourDimensionCheck.Evaluate(new TrendScores("t", 6, 7, 7, 6)).StrongestChange);
    }
}
