using CourseKit.Charting;
using CourseKit.TrendMap;

namespace CourseKit.Tests.Charts;

// Inside namespace CourseKit.*, the name Charts means the namespace CourseKit.Charting; alias the class.
using Charts = CourseKit.Charting.Charts;

public class TrendMapChartTests
{
    private static readonly FigureDocument Figure = FigureDocument.Of(Charts.TrendMap());

    private static Dictionary<string, (string Label, string Parent)> Nodes()
    {
        var trace = Assert.Single(Figure.Traces);
        var ids = FigureDocument.Strings(trace.GetProperty("ids"));
        var labels = FigureDocument.Strings(trace.GetProperty("labels"));
        var parents = FigureDocument.Strings(trace.GetProperty("parents"));
        Assert.Equal(ids.Length, labels.Length);
        Assert.Equal(ids.Length, parents.Length);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        return ids.Select((id, i) => (id, labels[i], parents[i])).ToDictionary(n => n.id, n => (n.Item2, n.Item3));
    }

    [Fact]
    public void Is_a_sunburst_rooted_at_the_map_title()
    {
        Assert.Equal("sunburst", Figure.Traces[0].GetProperty("type").GetString());
        var root = Assert.Single(Nodes(), n => n.Value.Parent == "");
        Assert.Equal(AigcTrendMap.Title, root.Value.Label);
    }

    [Fact]
    public void Holds_the_six_main_lines_and_every_item_under_its_line()
    {
        var nodes = Nodes();
        Assert.Equal(6, AigcTrendMap.MainLines.Count);
        Assert.Equal(1 + 6 + AigcTrendMap.MainLines.Sum(l => l.Items.Count), nodes.Count);
        foreach (var line in AigcTrendMap.MainLines)
        {
            Assert.Equal((line.Name, AigcTrendMap.Title), nodes[line.Name]);
            foreach (var item in line.Items)
                Assert.Equal((item, line.Name), nodes[TrendMapChart.ItemId(line, item)]);
        }
    }
}
