using CourseKit.TrendMap;
using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// The trend map as a sunburst: the map's title in the centre, the six main lines around it and
/// their items on the outside. Ids are <c>line/item</c>, so an item name may repeat across lines.
/// </summary>
public static class TrendMapChart
{
    /// <summary>The id of an item node.</summary>
    public static string ItemId(MainLine line, string item) => $"{line.Name}/{item}";

    public static GenericChart Build()
    {
        var ids = new List<string> { AigcTrendMap.Title };
        var labels = new List<string> { AigcTrendMap.Title };
        var parents = new List<string> { "" };
        var colours = new List<string> { "#ffffff" };
        for (var i = 0; i < AigcTrendMap.MainLines.Count; i++)
        {
            var line = AigcTrendMap.MainLines[i];
            var colour = ChartStyle.PaletteColour(i);
            ids.Add(line.Name);
            labels.Add(line.Name);
            parents.Add(AigcTrendMap.Title);
            colours.Add(colour);
            foreach (var item in line.Items)
            {
                ids.Add(ItemId(line, item));
                labels.Add(item);
                parents.Add(line.Name);
                colours.Add(colour);
            }
        }

        var trace = PlotlyObject.Trace("sunburst",
            ("ids", ids.ToArray()),
            ("labels", labels.ToArray()),
            ("parents", parents.ToArray()),
            ("insidetextorientation", "radial"),
            ("marker", PlotlyObject.Of(("colors", colours.ToArray()), ("line", PlotlyObject.Of(("color", "#ffffff"), ("width", 2))))),
            ("leaf", PlotlyObject.Of(("opacity", 0.75))),
            ("hovertemplate", "%{label}<br>in: %{parent}<extra></extra>"));

        var layout = PlotlyObject.Layout(
            ("title", ChartStyle.Title(AigcTrendMap.Title + ": six main lines")),
            ("font", ChartStyle.Font()),
            ("width", 760),
            ("height", 760),
            ("margin", ChartStyle.Margin(left: 20, right: 20, top: 70, bottom: 20)));
        return PlotlyObject.Chart([trace], layout);
    }
}
