using CourseKit.Charting;
using CourseKit.Notebooks.Rendering;

namespace CourseKit.Checking;

/// <summary>What the course's pages need from the course library: plotly.js as Plotly.NET ships it, and the charts' config.</summary>
public static class CoursePages
{
    public static ChartAssets Charts { get; } = new(ChartHtml.PlotlyJs, ChartJson.Config);
}
