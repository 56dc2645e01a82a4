using CourseKit.Data;
using CourseKit.Judgment;
using CourseKit.Ranking;

namespace CourseKit.Tests.Charts;

// Inside namespace CourseKit.*, the name Charts means the namespace CourseKit.Charting; alias the class.
using Charts = CourseKit.Charting.Charts;

public class RankingChartTests
{
    private static IReadOnlyList<RankedItem> ImageRanking() =>
        WeightedRanking.Rank(CourseData.ImageThreads().Select(t => t.ToRankingItem()), Weights.ImagePriority);

    [Fact]
    public void Image_threads_are_sorted_highest_first_with_seed_score_labels()
    {
        var figure = FigureDocument.Of(Charts.Ranking(ImageRanking()));
        var bar = Assert.Single(figure.Traces);
        Assert.Equal("bar", bar.GetProperty("type").GetString());
        Assert.Equal(
            ["stronger controllable editing", "faster sampling", "unified multimodal input", "from single images to video and 3D"],
            FigureDocument.Strings(bar.GetProperty("y")));
        Assert.Equal(["6.0", "5.7", "4.2", "3.7"], FigureDocument.Strings(bar.GetProperty("text")));
        Assert.Equal([6.0, 5.7, 4.2, 3.7], FigureDocument.Numbers(bar.GetProperty("x")));
    }

    [Fact]
    public void Highest_bar_is_drawn_at_the_top_and_long_names_get_automargin()
    {
        var yaxis = FigureDocument.Of(Charts.Ranking(ImageRanking())).Layout.GetProperty("yaxis");
        Assert.Equal("reversed", yaxis.GetProperty("autorange").GetString());
        Assert.True(yaxis.GetProperty("automargin").GetBoolean());
    }

    [Fact]
    public void Ranking_sorts_even_when_given_out_of_order_and_uses_the_title()
    {
        var reversed = ImageRanking().Reverse().ToList();
        var figure = FigureDocument.Of(Charts.Ranking(reversed, "My ranking"));
        Assert.Equal(["6.0", "5.7", "4.2", "3.7"], FigureDocument.Strings(figure.Traces[0].GetProperty("text")));
        Assert.Equal("My ranking", figure.Layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Totals_are_sorted_bars_of_the_four_dimension_totals()
    {
        var verdicts = CourseData.SeedTrends().Select(t => t.Verdict).ToList();
        var bar = Assert.Single(FigureDocument.Of(Charts.Totals(verdicts)).Traces);
        // multimodal 9+6+9+8 = 32, small_models 6+9+5+7 = 27, real_time_generation 7+8+9+8 = 32 (tie keeps order)
        Assert.Equal(["multimodal", "real_time_generation", "small_models"], FigureDocument.Strings(bar.GetProperty("y")));
        Assert.Equal(["32", "32", "27"], FigureDocument.Strings(bar.GetProperty("text")));
    }

    [Fact]
    public void Totals_accept_any_verdicts()
    {
        var verdicts = FourDimensionCheck.Evaluate(CourseData.CourseTrends().Select(t => t.Scores));
        var bar = Assert.Single(FigureDocument.Of(Charts.Totals(verdicts)).Traces);
        var values = FigureDocument.Numbers(bar.GetProperty("x"));
        Assert.Equal(verdicts.Count, values.Length);
        Assert.Equal(values.OrderByDescending(v => v), values);
    }
}
