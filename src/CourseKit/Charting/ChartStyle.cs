using Plotly.NET;

namespace CourseKit.Charting;

/// <summary>The course's shared look: sizes, colours and the layout parts every chart repeats.</summary>
public static class ChartStyle
{
    public const string FontFamily = "Arial, Helvetica, sans-serif";
    public const string Accent = "#2563eb";
    public const string Muted = "#93b4f0";
    public const string NetMarker = "#111827";

    /// <summary>Colours for traces that have no colour of their own (colour-blind-safe, Okabe–Ito).</summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    /// <summary>The palette colour for the n-th trace, wrapping around.</summary>
    public static string PaletteColour(int index) => Palette[index % Palette.Count];

    /// <summary>A <c>#rrggbb</c> colour as <c>rgba(r, g, b, alpha)</c>.</summary>
    public static string Translucent(string hex, double alpha)
    {
        if (hex.Length != 7 || hex[0] != '#')
            throw new ArgumentException($"Expected a colour like #0072B2, not '{hex}'.", nameof(hex));
        var rgb = Convert.ToInt32(hex[1..], 16);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"rgba({(rgb >> 16) & 255}, {(rgb >> 8) & 255}, {rgb & 255}, {alpha})");
    }

    /// <summary>A colour per known ranking criterion: gains in cool colours, costs in a warm one.</summary>
    public static string CriterionColour(string criterion, int index) => criterion switch
    {
        "product_value" => "#009E73",
        "stability" => "#0072B2",
        "engineering_cost" => "#D55E00",
        _ => PaletteColour(index),
    };

    /// <summary>The title block: left-aligned, a little larger than the text.</summary>
    public static DynamicObj.DynamicObj Title(string text) =>
        PlotlyObject.Of(("text", text), ("x", 0.02), ("xanchor", "left"), ("font", PlotlyObject.Of(("size", 18))));

    /// <summary>Margins in pixels; automargin on the axes grows them further when labels need it.</summary>
    public static DynamicObj.DynamicObj Margin(int left, int right, int top, int bottom) =>
        PlotlyObject.Of(("l", left), ("r", right), ("t", top), ("b", bottom), ("pad", 4));

    /// <summary>An axis title.</summary>
    public static DynamicObj.DynamicObj AxisTitle(string text) => PlotlyObject.Of(("text", text));

    /// <summary>The base font.</summary>
    public static DynamicObj.DynamicObj Font() => PlotlyObject.Of(("family", FontFamily), ("size", 13));
}
