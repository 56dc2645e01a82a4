using Plotly.NET;

namespace CourseKit.Charting;

/// <summary>
/// Horizontal bars sorted highest at the top, the value printed beside each bar and the leader
/// in the accent colour (every leader, when several tie for the top: see <see cref="Ranking.Ties"/>). Category labels get automargin so long names stay fully visible.
/// </summary>
public static class SortedBarChart
{
    public static GenericChart Build(BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Bars.Count == 0)
            throw new ArgumentException("A bar chart needs at least one bar.", nameof(series));

        // The course's tie rule: equal values keep their given order, and all tied leaders are highlighted.
        var bars = Ranking.Ties.Order(series.Bars, b => b.Value);
        var labels = bars.Select(b => b.Label).ToArray();
        var values = bars.Select(b => b.Value).ToArray();
        var colours = Ranking.Ties.Leaders(values).Select(leader => leader ? ChartStyle.Accent : ChartStyle.Muted).ToArray();

        var trace = PlotlyObject.Trace("bar",
            ("orientation", "h"),
            ("y", labels),
            ("x", values),
            ("text", bars.Select(b => b.Text).ToArray()),
            ("textposition", "outside"),
            ("cliponaxis", false),
            ("textfont", PlotlyObject.Of(("size", 14))),
            ("marker", PlotlyObject.Of(("color", colours))),
            ("showlegend", false),
            ("hovertemplate", "%{y}: %{text}<extra></extra>"));

        var layout = PlotlyObject.Layout(
            ("title", ChartStyle.Title(series.Title)),
            ("font", ChartStyle.Font()),
            ("width", 760),
            ("height", 140 + 56 * bars.Count),
            ("showlegend", false),
            ("margin", ChartStyle.Margin(left: 20, right: 40, top: 70, bottom: 60)),
            ("bargap", 0.35),
            ("xaxis", PlotlyObject.Of(
                ("title", ChartStyle.AxisTitle(series.ValueAxisTitle)),
                ("range", ChartText.RangeWithHeadroom(values, values)),
                ("zeroline", true),
                ("automargin", true))),
            ("yaxis", PlotlyObject.Of(
                ("categoryorder", "array"),
                ("categoryarray", labels),
                ("autorange", "reversed"),
                ("automargin", true),
                ("ticksuffix", "  "))));
        return PlotlyObject.Chart([trace], layout);
    }
}
