using CourseKit.Data;
using CourseKit.Judgment;

namespace CourseKit.Tests.Charts;

// Inside namespace CourseKit.*, the name Charts means the namespace CourseKit.Charting; alias the class.
using Charts = CourseKit.Charting.Charts;

public class RadarChartTests
{
    private static readonly string[] Labels = ["Capability", "Cost impact", "New interaction", "Workflow change"];

    [Fact]
    public void One_closed_scatterpolar_trace_per_seed_trend_with_its_scores()
    {
        var seed = CourseData.SeedTrends().Select(t => t.Scores).ToArray();
        var figure = FigureDocument.Of(Charts.Radar(seed));

        Assert.Equal(seed.Length, figure.Traces.Count);
        for (var i = 0; i < seed.Length; i++)
        {
            var trace = figure.Traces[i];
            Assert.Equal("scatterpolar", trace.GetProperty("type").GetString());
            Assert.Equal(seed[i].Name, trace.GetProperty("name").GetString());
            Assert.Equal("toself", trace.GetProperty("fill").GetString());
            var r = FigureDocument.Numbers(trace.GetProperty("r"));
            Assert.Equal(5, r.Length);
            Assert.Equal(r[0], r[^1]);
            Assert.Equal(seed[i].Values.Select(v => (double)v), r.Take(4));
            Assert.Equal([.. Labels, Labels[0]], FigureDocument.Strings(trace.GetProperty("theta")));
        }
    }

    [Fact]
    public void Multimodal_keeps_the_seed_scores_9_6_9_8()
    {
        var multimodal = CourseData.SeedTrends().Single(t => t.Trend == "multimodal").Scores;
        var trace = FigureDocument.Of(Charts.Radar(multimodal)).Traces.Single();
        Assert.Equal([9.0, 6, 9, 8, 9], FigureDocument.Numbers(trace.GetProperty("r")));
    }

    [Fact]
    public void Radial_axis_is_fixed_0_to_10_and_the_legend_is_shown()
    {
        var figure = FigureDocument.Of(Charts.Radar(new TrendScores("a", 1, 2, 3, 4), new TrendScores("b", 4, 3, 2, 1)));
        Assert.Equal([0.0, 10], FigureDocument.Numbers(figure.Layout.GetProperty("polar").GetProperty("radialaxis").GetProperty("range")));
        Assert.True(figure.Layout.GetProperty("showlegend").GetBoolean());
    }

    [Fact]
    public void Enumerable_overload_matches_params_and_empty_input_is_refused()
    {
        var trends = CourseData.CourseTrends().Select(t => t.Scores).ToList();
        Assert.Equal(trends.Count, FigureDocument.Of(Charts.Radar(trends)).Traces.Count);
        Assert.Throws<ArgumentException>(() => Charts.Radar(Array.Empty<TrendScores>()));
    }

    [Fact]
    public void Course_trends_are_named_by_their_titles_and_mine_keep_their_names()
    {
        var figure = FigureDocument.Of(Charts.Radar(CourseData.SeedTrends(), "Seed 000's three trends", new TrendScores("mine", 1, 2, 3, 4)));
        Assert.Equal(["Multimodal", "Small models", "Real-time generation", "mine"], figure.Traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("Seed 000's three trends", figure.Layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void A_cost_axis_says_that_higher_is_worse()
    {
        var items = CourseData.ImageThreads().Select(t => t.ToRankingItem());
        var trace = FigureDocument.Of(Charts.Radar(items, "Image", CourseKit.Ranking.Weights.ImagePriority)).Traces[0];
        Assert.Equal(["Product value", "Engineering cost<br>(higher = worse)", "Stability", "Product value"], FigureDocument.Strings(trace.GetProperty("theta")));
    }

    [Fact]
    public void A_radar_grid_draws_one_small_radar_per_trend_with_its_title()
    {
        var trends = CourseData.TrendsFrom("seed-002");
        var figure = FigureDocument.Of(Charts.RadarGrid(trends, "Seven trends"));

        Assert.Equal(trends.Count, figure.Traces.Count);
        Assert.Equal(trends.Select((_, i) => i == 0 ? "polar" : $"polar{i + 1}"), figure.Traces.Select(t => t.GetProperty("subplot").GetString()));
        Assert.All(Enumerable.Range(0, trends.Count), i => Assert.Equal([0.0, 10],
            FigureDocument.Numbers(figure.Layout.GetProperty(i == 0 ? "polar" : $"polar{i + 1}").GetProperty("radialaxis").GetProperty("range"))));
        Assert.Equal(trends.Select(t => $"<b>{t.Title}</b>"), figure.Layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
    }
}
