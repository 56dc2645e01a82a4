using System.Text.Json;
using CourseKit.Data;
using CourseKit.Judgment;
using CourseKit.Ranking;
using Plotly.NET;

namespace CourseKit.Tests.Charts;

public class RadarCriteriaTests
{
    private static JsonElement Figure(GenericChart chart) =>
        JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement;

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    [Fact]
    public void Image_threads_become_closed_polygons_over_their_three_criteria_in_seed_order()
    {
        var items = CourseData.ImageThreads().Select(t => t.ToRankingItem()).ToList();

        var figure = Figure(CourseKit.Charting.Charts.Radar(items, "Image-generation trends"));

        var traces = figure.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(items.Select(i => i.Name), traces.Select(t => t.GetProperty("name").GetString()));
        Assert.All(traces, t => Assert.Equal("scatterpolar", t.GetProperty("type").GetString()));
        Assert.Equal(["Product value", "Engineering cost", "Stability", "Product value"],
            traces[1].GetProperty("theta").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([10, 7, 8, 10], Numbers(traces[1].GetProperty("r")));
        Assert.Equal([0, 10], Numbers(figure.GetProperty("layout").GetProperty("polar").GetProperty("radialaxis").GetProperty("range")));
        Assert.Equal("Image-generation trends", figure.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void The_radial_axis_widens_for_values_outside_zero_to_ten()
    {
        var items = new[] { new RankingItem("wide", ("gain", 14m), ("loss", -3m)) };

        var range = Figure(CourseKit.Charting.Charts.Radar(items, "t"))
            .GetProperty("layout").GetProperty("polar").GetProperty("radialaxis").GetProperty("range");

        Assert.Equal([-3, 14], Numbers(range));
    }

    [Fact]
    public void Items_with_different_criteria_or_none_at_all_are_refused_with_the_reason()
    {
        var items = new[]
        {
            new RankingItem("a", ("product_value", 9m), ("stability", 8m)),
            new RankingItem("b", ("product_value", 9m), ("speed", 8m)),
        };

        var error = Assert.Throws<ArgumentException>(() => CourseKit.Charting.Charts.Radar(items, "t"));
        Assert.StartsWith("Item 'b' has the criteria (product_value, speed), but the radar's axes are those of 'a' (product_value, stability).", error.Message);
        Assert.Throws<ArgumentException>(() => CourseKit.Charting.Charts.Radar(Array.Empty<RankingItem>(), "t"));
    }

    [Fact]
    public void The_four_dimension_radar_keeps_its_labels_and_fixed_range()
    {
        var figure = Figure(CourseKit.Charting.Charts.Radar(new TrendScores("multimodal", 9, 6, 9, 8)));

        var trace = figure.GetProperty("data")[0];
        Assert.Equal(["Capability", "Cost impact", "New interaction", "Workflow change", "Capability"],
            trace.GetProperty("theta").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([9, 6, 9, 8, 9], Numbers(trace.GetProperty("r")));
        Assert.Equal("[0,10]", figure.GetProperty("layout").GetProperty("polar").GetProperty("radialaxis").GetProperty("range").GetRawText());
    }
}
