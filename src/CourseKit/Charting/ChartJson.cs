using System.Text.Json.Nodes;
using Plotly.NET;

namespace CourseKit.Charting;

/// <summary>A chart as plotly.js JSON, e.g. for the <c>application/vnd.plotly.v1+json</c> mime type.</summary>
public static class ChartJson
{
    /// <summary>The mime type a notebook front end renders plotly figures from.</summary>
    public const string MimeType = "application/vnd.plotly.v1+json";

    /// <summary>
    /// The figure as <c>{"data":[...],"layout":{...}}</c>. The text is safe to place inside a
    /// <c>&lt;script&gt;</c> element: <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> are written as <c>\u003C</c> etc.
    /// </summary>
    public static string Figure(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();
        var result = new JsonObject
        {
            ["data"] = figure["data"]?.DeepClone() ?? new JsonArray(),
            ["layout"] = figure["layout"]?.DeepClone() ?? new JsonObject(),
        };
        return result.ToJsonString();
    }

    /// <summary>The plotly.js config every course chart is drawn with.</summary>
    public static string Config => """{"responsive":true,"displaylogo":false}""";
}
