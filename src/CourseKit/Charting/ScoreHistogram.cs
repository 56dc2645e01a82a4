using Plotly.NET;

namespace CourseKit.Charting;

/// <summary>How many values fall in each whole-number bin, e.g. a class's total scores from 0 to the maximum.</summary>
public static class ScoreHistogram
{
    public static GenericChart Build(IReadOnlyList<double> values, double max, string title, string valueAxisTitle)
    {
        ArgumentNullException.ThrowIfNull(values);
        var binSize = Math.Max(1, Math.Ceiling(max / 20));
        var trace = PlotlyObject.Trace("histogram",
            ("x", values.ToArray()),
            ("xbins", PlotlyObject.Of(("start", -0.5), ("end", max + 0.5), ("size", binSize))),
            ("marker", PlotlyObject.Of(("color", ChartStyle.Accent))),
            ("showlegend", false),
            ("hovertemplate", "%{x}: %{y} students<extra></extra>"));
        var layout = PlotlyObject.Layout(
            ("title", ChartStyle.Title(title)),
            ("font", ChartStyle.Font()),
            ("width", 760),
            ("height", 420),
            ("bargap", 0.08),
            ("margin", ChartStyle.Margin(left: 60, right: 30, top: 70, bottom: 60)),
            ("xaxis", PlotlyObject.Of(("title", ChartStyle.AxisTitle(valueAxisTitle)), ("range", new[] { -0.5, max + 0.5 }))),
            ("yaxis", PlotlyObject.Of(("title", ChartStyle.AxisTitle("Students")), ("rangemode", "tozero"), ("dtick", StudentTickStep(values, binSize)))));
        return PlotlyObject.Chart([trace], layout);
    }

    // Whole students on the count axis, about five ticks at most.
    private static double StudentTickStep(IEnumerable<double> values, double binSize)
    {
        var tallest = values.GroupBy(v => Math.Floor((v + 0.5) / binSize)).Select(g => g.Count()).DefaultIfEmpty(1).Max();
        return Math.Max(1, Math.Ceiling(tallest / 5.0));
    }
}
