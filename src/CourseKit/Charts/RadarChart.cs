using CourseKit.Judgment;
using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>The four-dimension scores of trends as overlaid, closed radar polygons.</summary>
public static class RadarChart
{
    public const string DefaultTitle = "Four-dimension check";

    /// <summary>One filled <c>scatterpolar</c> trace per trend on a fixed 0–10 radial axis.</summary>
    public static GenericChart Build(IEnumerable<TrendScores> trends, string title = DefaultTitle)
    {
        ArgumentNullException.ThrowIfNull(trends);
        var list = trends.ToList();
        if (list.Count == 0)
            throw new ArgumentException("A radar chart needs at least one trend.", nameof(trends));

        var traces = list.Select((trend, index) => Polygon(trend, ChartStyle.PaletteColour(index)));
        var layout = PlotlyObject.Layout(
            ("title", ChartStyle.Title(title)),
            ("font", ChartStyle.Font()),
            ("width", 680),
            ("height", 600),
            ("showlegend", true),
            // Legend below, so the polar area can be centred with equal room for the side labels.
            ("legend", PlotlyObject.Of(("orientation", "h"), ("x", 0.5), ("xanchor", "center"), ("y", -0.16), ("yanchor", "top"))),
            ("margin", ChartStyle.Margin(left: 150, right: 150, top: 100, bottom: 100)),
            ("polar", PlotlyObject.Of(
                ("radialaxis", PlotlyObject.Of(
                    ("range", new[] { TrendScores.Min, TrendScores.Max }),
                    ("tickvals", new[] { 2, 4, 6, 8, 10 }),
                    ("angle", 90),
                    ("tickangle", 90),
                    ("tickfont", PlotlyObject.Of(("size", 10))))),
                ("angularaxis", PlotlyObject.Of(
                    ("rotation", 90),
                    ("direction", "clockwise"),
                    ("tickfont", PlotlyObject.Of(("size", 14)))))))
        );
        return PlotlyObject.Chart(traces, layout);
    }

    /// <summary>The dimension labels around the radar, in tie-break order.</summary>
    public static IReadOnlyList<string> Labels => Dimensions.All.Select(d => d.Label()).ToList();

    private static Trace Polygon(TrendScores trend, string colour)
    {
        // Repeating the first point closes the outline on every renderer.
        var r = trend.Values.Append(trend.Values[0]).ToArray();
        var theta = Labels.Append(Labels[0]).ToArray();
        return PlotlyObject.Trace("scatterpolar",
            ("name", trend.Name),
            ("r", r),
            ("theta", theta),
            ("fill", "toself"),
            ("mode", "lines+markers"),
            ("opacity", 0.8),
            ("line", PlotlyObject.Of(("color", colour), ("width", 2))),
            ("marker", PlotlyObject.Of(("color", colour), ("size", 6))),
            ("hovertemplate", "%{theta}: %{r}<extra>%{fullData.name}</extra>"));
    }
}
