using CourseKit.Judgment;
using CourseKit.Ranking;
using Plotly.NET;

namespace CourseKit.Charting;

/// <summary>The four-dimension scores of trends as overlaid, closed radar polygons.</summary>
public static class RadarChart
{
    public const string DefaultTitle = "Four-dimension check";

    /// <summary>One filled <c>scatterpolar</c> trace per trend on a fixed 0–10 radial axis.</summary>
    public static GenericChart Build(IEnumerable<TrendScores> trends, string title = DefaultTitle)
    {
        ArgumentNullException.ThrowIfNull(trends);
        var series = trends.Select(t => new Series(t.Name, t.Values.Select(v => (double)v).ToList())).ToList();
        if (series.Count == 0)
            throw new ArgumentException("A radar chart needs at least one trend.", nameof(trends));
        return Build(series, Labels, new[] { TrendScores.Min, TrendScores.Max }, title);
    }

    /// <summary>
    /// One polygon per ranking item over its criteria (e.g. product value, engineering cost, stability), for
    /// scores other than the four dimensions. The radial axis runs from 0 to 10, widened if a value lies outside.
    /// Every item must have the first item's criteria; they are drawn in the first item's order.
    /// </summary>
    public static GenericChart Build(IEnumerable<RankingItem> items, string title, Weights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        if (list.Count == 0)
            throw new ArgumentException("A radar chart needs at least one item.", nameof(items));
        var criteria = list[0].Criteria.Select(c => c.Name).ToList();
        var odd = list.FirstOrDefault(i => i.Criteria.Count != criteria.Count || !criteria.All(i.Has));
        if (odd is not null)
            throw new ArgumentException(
                $"Item '{odd.Name}' has the criteria ({string.Join(", ", odd.Criteria.Select(c => c.Name))}), " +
                $"but the radar's axes are those of '{list[0].Name}' ({string.Join(", ", criteria)}).", nameof(items));

        var series = list.Select(i => new Series(i.Name, criteria.Select(c => (double)i[c]).ToList())).ToList();
        var values = series.SelectMany(s => s.Values).ToList();
        var range = new[] { Math.Min(0, values.Min()), Math.Max(10, values.Max()) };
        return Build(series, criteria.Select(c => AxisLabel(c, weights)).ToList(), range, title);
    }

    /// <summary>"Product value"; a criterion with a negative weight reads "Engineering cost" over "(higher = worse)", on two lines so the label fits beside the polar area.</summary>
    public static string AxisLabel(string criterion, Weights? weights) =>
        ChartText.CriterionLabel(criterion) +
        (weights is not null && weights.Names.Contains(criterion) && weights[criterion] < 0 ? "<br>(higher = worse)" : "");

    /// <summary>Short dimension names for the small radars of a grid.</summary>
    public static IReadOnlyList<string> ShortLabels { get; } = ["Capability", "Cost", "Interaction", "Workflow"];

    /// <summary>One small radar per trend in a grid of <paramref name="columns"/> columns, all on 0–10.</summary>
    public static GenericChart Grid(IReadOnlyList<TrendScores> trends, string title, int columns = 4)
    {
        ArgumentNullException.ThrowIfNull(trends);
        if (trends.Count == 0)
            throw new ArgumentException("A radar grid needs at least one trend.", nameof(trends));
        if (columns < 1)
            throw new ArgumentOutOfRangeException(nameof(columns), columns, "A grid needs at least one column.");
        columns = Math.Min(columns, trends.Count);
        var rows = (trends.Count + columns - 1) / columns;
        const double cellWidth = 250, cellHeight = 290, gapX = 0.05, gapTop = 0.1, gapBottom = 0.03;

        var traces = new List<Trace>();
        var layout = new List<(string Name, object? Value)>
        {
            ("title", ChartStyle.Title(title)),
            ("font", ChartStyle.Font()),
            ("width", (int)(cellWidth * columns + 60)),
            ("height", (int)(cellHeight * rows + 90)),
            ("showlegend", false),
            ("margin", ChartStyle.Margin(left: 40, right: 40, top: 90, bottom: 30)),
        };
        var annotations = new List<DynamicObj.DynamicObj>();
        for (var i = 0; i < trends.Count; i++)
        {
            var (row, column) = (i / columns, i % columns);
            var polar = i == 0 ? "polar" : $"polar{i + 1}";
            double x0 = (double)column / columns + gapX / columns, x1 = (double)(column + 1) / columns - gapX / columns;
            double y1 = 1 - (double)row / rows - gapTop / rows, y0 = 1 - (double)(row + 1) / rows + gapBottom / rows;
            var trace = Polygon(new Series(trends[i].Name, trends[i].Values.Select(v => (double)v).ToList()), ShortLabels, ChartStyle.PaletteColour(i));
            trace.SetProperty("subplot", polar);
            traces.Add(trace);
            layout.Add((polar, PlotlyObject.Of(
                ("domain", PlotlyObject.Of(("x", new[] { x0, x1 }), ("y", new[] { y0, y1 }))),
                ("radialaxis", PlotlyObject.Of(
                    ("range", new[] { TrendScores.Min, TrendScores.Max }),
                    ("tickvals", new[] { 5, 10 }),
                    ("angle", 45),
                    ("tickangle", 45),
                    ("tickfont", PlotlyObject.Of(("size", 8))))),
                ("angularaxis", PlotlyObject.Of(
                    ("rotation", 90),
                    ("direction", "clockwise"),
                    ("tickfont", PlotlyObject.Of(("size", 10))))))));
            annotations.Add(PlotlyObject.Of(
                ("text", $"<b>{trends[i].Name}</b>"),
                ("x", (x0 + x1) / 2), ("y", y1 + 0.6 * gapTop / rows),
                ("xref", "paper"), ("yref", "paper"),
                ("xanchor", "center"), ("yanchor", "bottom"),
                ("showarrow", false),
                ("font", PlotlyObject.Of(("size", 12)))));
        }
        layout.Add(("annotations", annotations.ToArray()));
        return PlotlyObject.Chart(traces, PlotlyObject.Layout(layout.ToArray()));
    }

    private sealed record Series(string Name, IReadOnlyList<double> Values);

    private static GenericChart Build(IReadOnlyList<Series> series, IReadOnlyList<string> axes, Array range, string title)
    {
        var traces = series.Select((s, index) => Polygon(s, axes, ChartStyle.PaletteColour(index)));
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
                    ("range", range),
                    ("tickvals", new[] { 2, 4, 6, 8, 10 }),
                    // Between the first two spokes, so tick numbers do not sit on a dimension's line.
                    ("angle", 45),
                    ("tickangle", 45),
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

    private static Trace Polygon(Series series, IReadOnlyList<string> axes, string colour)
    {
        // Repeating the first point closes the outline on every renderer.
        var r = series.Values.Append(series.Values[0]).ToArray();
        var theta = axes.Append(axes[0]).ToArray();
        return PlotlyObject.Trace("scatterpolar",
            ("name", series.Name),
            ("r", r),
            ("theta", theta),
            ("fill", "toself"),
            ("mode", "lines+markers"),
            // A light fill keeps every outline visible where polygons overlap.
            ("fillcolor", ChartStyle.Translucent(colour, 0.18)),
            ("line", PlotlyObject.Of(("color", colour), ("width", 2.5))),
            ("marker", PlotlyObject.Of(("color", colour), ("size", 6))),
            ("hovertemplate", "%{theta}: %{r}<extra>%{fullData.name}</extra>"));
    }
}
