using CourseKit.Ranking;
using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// What each weighted criterion adds to each item's score, stacked per item. The bar mode is
/// <c>relative</c>, so negative contributions (such as engineering cost) stack below zero; a marker
/// shows the net score and a note beside each bar prints it.
/// </summary>
public static class ContributionsChart
{
    public const string DefaultTitle = "Where each score comes from";
    public const string NetTraceName = "net score";

    public static GenericChart Build(IReadOnlyList<RankedItem> ranked, string title = DefaultTitle)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        if (ranked.Count == 0)
            throw new ArgumentException("There is nothing to chart: the ranking is empty.", nameof(ranked));

        var items = ranked.OrderByDescending(r => r.Score).ToList();
        var names = items.Select(r => r.Name).ToArray();
        var criteria = items[0].Contributions.Select(c => c.Name).ToList();

        var traces = criteria.Select((criterion, index) => PlotlyObject.Trace("bar",
            ("name", criterion),
            ("orientation", "h"),
            ("y", names),
            ("x", items.Select(r => ContributionOf(r, criterion)).ToArray()),
            ("text", items.Select(r => ChartText.Score(ContributionOf(r, criterion))).ToArray()),
            ("textposition", "inside"),
            ("insidetextanchor", "middle"),
            ("textfont", PlotlyObject.Of(("color", "#ffffff"))),
            ("marker", PlotlyObject.Of(("color", ChartStyle.CriterionColour(criterion, index)))),
            ("hovertemplate", "%{y}<br>" + criterion + ": %{text}<extra></extra>"))).ToList();

        traces.Add(PlotlyObject.Trace("scatter",
            ("name", NetTraceName),
            ("mode", "markers"),
            ("y", names),
            ("x", items.Select(r => r.Score).ToArray()),
            ("text", items.Select(r => ChartText.Score(r.Score)).ToArray()),
            ("marker", PlotlyObject.Of(
                ("symbol", "diamond"), ("size", 13), ("color", ChartStyle.NetMarker),
                ("line", PlotlyObject.Of(("color", "#ffffff"), ("width", 1.5))))),
            ("hovertemplate", "%{y}<br>net score: %{text}<extra></extra>")));

        var positive = items.Select(r => (double)r.Contributions.Where(c => c.Value > 0).Sum(c => c.Value)).ToList();
        var negative = items.Select(r => (double)r.Contributions.Where(c => c.Value < 0).Sum(c => c.Value)).ToList();
        var notes = items.Select((r, i) => PlotlyObject.Of(
            ("x", positive[i]), ("y", r.Name), ("xref", "x"), ("yref", "y"),
            ("text", "net " + ChartText.Score(r.Score)),
            ("showarrow", false), ("xanchor", "left"), ("xshift", 8),
            ("font", PlotlyObject.Of(("size", 13), ("color", ChartStyle.NetMarker))))).ToArray();

        var layout = PlotlyObject.Layout(
            ("title", ChartStyle.Title(title)),
            ("font", ChartStyle.Font()),
            ("width", 820),
            ("height", 200 + 60 * items.Count),
            ("barmode", "relative"),
            ("bargap", 0.35),
            ("showlegend", true),
            ("legend", PlotlyObject.Of(("orientation", "h"), ("x", 0), ("y", -0.18), ("yanchor", "top"))),
            ("margin", ChartStyle.Margin(left: 20, right: 30, top: 70, bottom: 60)),
            ("annotations", notes),
            ("xaxis", PlotlyObject.Of(
                ("title", ChartStyle.AxisTitle("Contribution to the score (weight × value)")),
                ("range", ChartText.RangeWithHeadroom(negative, positive, headroom: 0.2)),
                ("zeroline", true),
                ("zerolinecolor", "#444444"),
                ("zerolinewidth", 2),
                ("automargin", true))),
            ("yaxis", PlotlyObject.Of(
                ("categoryorder", "array"),
                ("categoryarray", names),
                ("autorange", "reversed"),
                ("automargin", true),
                ("ticksuffix", "  "))));
        return PlotlyObject.Chart(traces, layout);
    }

    private static decimal ContributionOf(RankedItem item, string criterion) =>
        item.Contributions.FirstOrDefault(c => c.Name == criterion).Value;
}
