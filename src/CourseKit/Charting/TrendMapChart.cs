using CourseKit.TrendMap;
using Plotly.NET;

namespace CourseKit.Charting;

/// <summary>
/// The trend map as a sunburst: the map's title in the centre, the six main lines around it (equal
/// sectors) and their items on the outside. Ids are <c>line/item</c>, so an item name may repeat across
/// lines; <c>labels</c> hold the exact names and <c>text</c> the same names wrapped for display.
/// </summary>
public static class TrendMapChart
{
    /// <summary>The id of an item node.</summary>
    public static string ItemId(MainLine line, string item) => $"{line.Name}/{item}";

    public static GenericChart Build()
    {
        var lines = AigcTrendMap.MainLines;
        // Whole-number sector sizes: every line gets the same share, split evenly among its items.
        var share = lines.Select(l => l.Items.Count).Aggregate(1, LeastCommonMultiple);

        var ids = new List<string> { AigcTrendMap.Title };
        var labels = new List<string> { AigcTrendMap.Title };
        var parents = new List<string> { "" };
        var values = new List<int> { share * lines.Count };
        var colours = new List<string> { "#ffffff" };
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var colour = ChartStyle.PaletteColour(i);
            ids.Add(line.Name);
            labels.Add(line.Name);
            parents.Add(AigcTrendMap.Title);
            values.Add(share);
            colours.Add(colour);
            foreach (var item in line.Items)
            {
                ids.Add(ItemId(line, item));
                labels.Add(item);
                parents.Add(line.Name);
                values.Add(share / line.Items.Count);
                colours.Add(colour);
            }
        }

        var trace = PlotlyObject.Trace("sunburst",
            ("ids", ids.ToArray()),
            ("labels", labels.ToArray()),
            ("parents", parents.ToArray()),
            ("values", values.ToArray()),
            ("branchvalues", "total"),
            ("text", labels.Select(l => LabelWrap.Wrap(l)).ToArray()),
            ("texttemplate", "%{text}"),
            ("insidetextorientation", "horizontal"),
            ("insidetextfont", PlotlyObject.Of(("size", 13))),
            ("marker", PlotlyObject.Of(("colors", colours.ToArray()), ("line", PlotlyObject.Of(("color", "#ffffff"), ("width", 2))))),
            ("leaf", PlotlyObject.Of(("opacity", 0.7))),
            ("hovertemplate", "%{label}<br>in: %{parent}<extra></extra>"));

        var layout = PlotlyObject.Layout(
            ("title", ChartStyle.Title(AigcTrendMap.Title + ": six main lines")),
            ("font", ChartStyle.Font()),
            ("width", 780),
            ("height", 780),
            ("margin", ChartStyle.Margin(left: 20, right: 20, top: 70, bottom: 20)));
        return PlotlyObject.Chart([trace], layout);
    }

    private static int LeastCommonMultiple(int a, int b) => b == 0 ? a : a / GreatestCommonDivisor(a, b) * b;

    private static int GreatestCommonDivisor(int a, int b) => b == 0 ? a : GreatestCommonDivisor(b, a % b);
}
