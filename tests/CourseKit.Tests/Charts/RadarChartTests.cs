using CourseKit.Data;
using CourseKit.Judgment;

namespace CourseKit.Tests.Charts;

// Inside namespace CourseKit.*, the name Charts means the namespace CourseKit.Charts; alias the class.
using Charts = CourseKit.Charts.Charts;

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
}
