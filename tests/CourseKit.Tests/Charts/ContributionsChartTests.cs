using CourseKit.Charting;
using CourseKit.Data;
using CourseKit.Ranking;

namespace CourseKit.Tests.Charts;

// Inside namespace CourseKit.*, the name Charts means the namespace CourseKit.Charting; alias the class.
using Charts = CourseKit.Charting.Charts;

public class ContributionsChartTests
{
    private static readonly FigureDocument Figure = FigureDocument.Of(Charts.Contributions(
        WeightedRanking.Rank(CourseData.ImageThreads().Select(t => t.ToRankingItem()), Weights.ImagePriority)));

    private static double ValueFor(string criterion, string item)
    {
        var trace = Figure.Traces.Single(t => t.GetProperty("name").GetString() == criterion);
        var index = Array.IndexOf(FigureDocument.Strings(trace.GetProperty("y")), item);
        return FigureDocument.Numbers(trace.GetProperty("x"))[index];
    }

    [Fact]
    public void Bars_stack_relative_with_one_bar_trace_per_criterion()
    {
        Assert.Equal("relative", Figure.Layout.GetProperty("barmode").GetString());
        var bars = Figure.Traces.Where(t => t.GetProperty("type").GetString() == "bar").ToList();
        Assert.Equal(["Product value", "Stability", "Engineering cost"], bars.Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public void Engineering_cost_goes_below_zero_and_product_value_is_weight_times_value()
    {
        Assert.Equal(-1.4, ValueFor("Engineering cost", "stronger controllable editing"), 10);
        Assert.Equal(5.0, ValueFor("Product value", "stronger controllable editing"), 10);
        Assert.Equal(2.4, ValueFor("Stability", "stronger controllable editing"), 10);
        var cost = Figure.Traces.Single(t => t.GetProperty("name").GetString() == "Engineering cost");
        Assert.All(FigureDocument.Numbers(cost.GetProperty("x")), v => Assert.True(v < 0));
    }

    [Fact]
    public void Net_score_is_marked_for_every_item_in_rank_order()
    {
        var net = Figure.Traces.Single(t => t.GetProperty("name").GetString() == ContributionsChart.NetTraceName);
        Assert.Equal("scatter", net.GetProperty("type").GetString());
        Assert.Equal([6.0, 5.7, 4.2, 3.7], FigureDocument.Numbers(net.GetProperty("x")));
        Assert.Equal(["6.0", "5.7", "4.2", "3.7"], FigureDocument.Strings(net.GetProperty("text")));
        Assert.Equal(
            ["stronger controllable editing", "faster sampling", "unified multimodal input", "from single images to video and 3D"],
            FigureDocument.Strings(net.GetProperty("y")));
    }
}
