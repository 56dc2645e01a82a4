using CourseKit.Charting;

namespace CourseKit.Tests.Grading;

public sealed class GradeChartTests
{
    [Fact]
    public void The_score_histogram_bins_whole_points_from_zero_to_the_maximum()
    {
        var figure = ChartJson.Figure(ScoreHistogram.Build([0, 7, 7, 37], 51, "Totals", "Points"));
        Assert.Contains("\"type\":\"histogram\"", figure);
        Assert.Contains("\"x\":[0.0,7.0,7.0,37.0]", figure);
        Assert.Contains("\"size\":3.0", figure);
        Assert.Contains("\"dtick\":1.0", figure); // whole students on the count axis
        Assert.Contains("\"dtick\":4.0", ChartJson.Figure(ScoreHistogram.Build(Enumerable.Repeat(37.0, 20).ToList(), 51, "Totals", "Points")));
    }

    [Fact]
    public void A_whole_class_of_exercises_fits_the_page_width()
    {
        var thirty = Enumerable.Range(1, 30).Select(i => ($"L{i}.E1", (double?)0.5)).ToList();

        var figure = System.Text.Json.JsonDocument.Parse(ChartJson.Figure(RateColumns.Build(thirty, "Pass rate", "%"))).RootElement;

        Assert.Equal(RateColumns.MaxWidth, figure.GetProperty("layout").GetProperty("width").GetInt32());
        Assert.Equal(-45, figure.GetProperty("layout").GetProperty("xaxis").GetProperty("tickangle").GetInt32());
    }

    [Fact]
    public void Rate_columns_keep_their_order_and_label_percentages_or_pending()
    {
        var figure = ChartJson.Figure(RateColumns.Build([("L1.E1", 0.5), ("L1.E2", 1.0), ("L1.E3", null)], "Pass rate", "%"));
        Assert.Contains("\"x\":[\"L1.E1\",\"L1.E2\",\"L1.E3\"]", figure);
        Assert.Contains("\"y\":[50.0,100.0,0.0]", figure);
        Assert.Contains("\"text\":[\"50%\",\"100%\",\"pending\"]", figure);
        Assert.Throws<ArgumentException>(() => RateColumns.Build([], "Pass rate", "%"));
    }
}
