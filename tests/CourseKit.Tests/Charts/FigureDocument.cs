using System.Text.Json;
using CourseKit.Charting;
using Plotly.NET;

namespace CourseKit.Tests.Charts;

/// <summary>A chart's figure JSON parsed with System.Text.Json, with small accessors for the tests.</summary>
internal sealed class FigureDocument
{
    private FigureDocument(JsonElement root) => Root = root;

    public JsonElement Root { get; }
    public JsonElement Layout => Root.GetProperty("layout");
    public IReadOnlyList<JsonElement> Traces => Root.GetProperty("data").EnumerateArray().ToList();

    public static FigureDocument Of(GenericChart chart) =>
        new(JsonDocument.Parse(ChartJson.Figure(chart)).RootElement.Clone());

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
