using System.Globalization;
using Plotly.NET;

namespace CourseKit.Charting;

/// <summary>
/// Columns of rates from 0 to 100 %, in the given order (e.g. each exercise's pass rate), each labelled e.g. "75%".
/// A null rate (nothing decided yet) keeps its place, with no column and the label "pending".
/// </summary>
public static class RateColumns
{
    /// <summary>Wide enough for a class's exercises, narrow enough to fit a page without scrolling sideways.</summary>
    public const int MaxWidth = 920;

    public const string Pending = "pending";

    public static GenericChart Build(IReadOnlyList<(string Label, double? Rate)> rates, string title, string valueAxisTitle)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (rates.Count == 0)
            throw new ArgumentException("A rate chart needs at least one column.", nameof(rates));
        var trace = PlotlyObject.Trace("bar",
            ("x", rates.Select(r => r.Label).ToArray()),
            ("y", rates.Select(r => Math.Round((r.Rate ?? 0) * 100, 1)).ToArray()),
            ("text", rates.Select(r => r.Rate is { } rate ? (rate * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : Pending).ToArray()),
            ("textposition", "outside"),
            ("cliponaxis", false),
            ("marker", PlotlyObject.Of(("color", ChartStyle.Accent))),
            ("showlegend", false),
            ("hovertemplate", "%{x}: %{text}<extra></extra>"));
        var layout = PlotlyObject.Layout(
            ("title", ChartStyle.Title(title)),
            ("font", ChartStyle.Font()),
            ("width", Math.Clamp(42 * rates.Count + 160, 520, MaxWidth)),
            ("height", 440),
            ("margin", ChartStyle.Margin(left: 60, right: 30, top: 70, bottom: 80)),
            ("xaxis", PlotlyObject.Of(("type", "category"), ("automargin", true), ("tickangle", rates.Count > 12 ? -45 : 0))),
            ("yaxis", PlotlyObject.Of(("title", ChartStyle.AxisTitle(valueAxisTitle)), ("range", new[] { 0, 110 }))));
        return PlotlyObject.Chart([trace], layout);
    }
}
