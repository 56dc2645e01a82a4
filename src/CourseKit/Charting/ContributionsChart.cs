using CourseKit.Ranking;
using Plotly.NET;

namespace CourseKit.Charting;

/// <summary>
/// What each weighted criterion adds to each item's score, stacked per item. The bar mode is
/// <c>relative</c>, so negative contributions (such as engineering cost) stack below zero; a marker
/// under each bar shows and prints the net score.
/// </summary>
public static class ContributionsChart
{
    public const string DefaultTitle = "Where each score comes from";
    public const string NetTraceName = "net score";

    /// <summary>How far (in category widths) the net-score marker sits below its bar's centre.</summary>
    private const double NetShift = 0.38;

    public static GenericChart Build(IReadOnlyList<RankedItem> ranked, string title = DefaultTitle)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        if (ranked.Count == 0)
            throw new ArgumentException("There is nothing to chart: the ranking is empty.", nameof(ranked));

        var items = Ties.Order(ranked, r => r.Score);
        var names = items.Select(r => r.Name).ToArray();
        var criteria = items[0].Contributions.Select(c => c.Name).ToList();

        var traces = criteria.Select((criterion, index) => PlotlyObject.Trace("bar",
            ("name", ChartText.CriterionLabel(criterion)),
            ("orientation", "h"),
            ("y", names),
            ("x", items.Select(r => ContributionOf(r, criterion)).ToArray()),
            ("text", items.Select(r => ChartText.Score(ContributionOf(r, criterion))).ToArray()),
            ("textposition", "inside"),
            ("insidetextanchor", "middle"),
            ("textfont", PlotlyObject.Of(("color", "#ffffff"))),
            ("marker", PlotlyObject.Of(("color", ChartStyle.CriterionColour(criterion, index)))),
            ("hovertemplate", "%{y}<br>" + ChartText.CriterionLabel(criterion) + ": %{text}<extra></extra>"))).ToList();

        // The net score sits in the gap just under its bar, on a copy of the category axis shifted
        // down, so the marker and its text never cover the numbers printed inside the bars.
        traces.Add(PlotlyObject.Trace("scatter",
            ("name", NetTraceName),
            ("mode", "markers+text"),
            ("yaxis", "y2"),
            ("y", names),
            ("x", items.Select(r => r.Score).ToArray()),
            ("text", items.Select(r => ChartText.Score(r.Score)).ToArray()),
            ("texttemplate", "net %{text}"),
            ("textposition", "middle right"),
            ("cliponaxis", false),
            ("textfont", PlotlyObject.Of(("size", 12), ("color", ChartStyle.NetMarker))),
            ("marker", PlotlyObject.Of(
                ("symbol", "triangle-up"), ("size", 11), ("color", ChartStyle.NetMarker))),
            ("hovertemplate", "%{y}<br>net score: %{text}<extra></extra>")));

        var positive = items.Select(r => (double)r.Contributions.Where(c => c.Value > 0).Sum(c => c.Value)).ToList();
        var negative = items.Select(r => (double)r.Contributions.Where(c => c.Value < 0).Sum(c => c.Value)).ToList();
        var top = -0.5;
        var bottom = items.Count - 0.5;

        var layout = PlotlyObject.Layout(
            ("title", ChartStyle.Title(title)),
            ("font", ChartStyle.Font()),
            ("width", 820),
            ("height", 190 + 80 * items.Count),
            ("barmode", "relative"),
            ("bargap", 0.5),
            ("showlegend", true),
            ("legend", PlotlyObject.Of(("orientation", "h"), ("x", 0), ("y", 1.0), ("yanchor", "bottom"))),
            ("margin", ChartStyle.Margin(left: 20, right: 40, top: 100, bottom: 60)),
            ("xaxis", PlotlyObject.Of(
                ("title", ChartStyle.AxisTitle("Contribution to the score (weight × value)")),
                ("range", ChartText.RangeWithHeadroom(negative, positive, headroom: 0.12)),
                ("zeroline", true),
                ("zerolinecolor", "#444444"),
                ("zerolinewidth", 2),
                ("automargin", true))),
            ("yaxis", PlotlyObject.Of(
                ("type", "category"),
                ("categoryorder", "array"),
                ("categoryarray", names),
                ("range", new[] { bottom, top }),
                ("automargin", true),
                ("ticksuffix", "  "))),
            ("yaxis2", PlotlyObject.Of(
                ("type", "category"),
                ("overlaying", "y"),
                ("categoryorder", "array"),
                ("categoryarray", names),
                ("range", new[] { bottom - NetShift, top - NetShift }),
                ("showticklabels", false),
                ("showgrid", false),
                ("zeroline", false))));
        return PlotlyObject.Chart(traces, layout);
    }

    private static decimal ContributionOf(RankedItem item, string criterion) =>
        item.Contributions.FirstOrDefault(c => c.Name == criterion).Value;
}
