using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using Plotly.NET;

using CourseKit.IO;

namespace CourseKit.Charting;

/// <summary>
/// Charts as offline HTML: plotly.js comes from the Plotly.NET assembly, never from a CDN.
/// </summary>
// Strings, not a template: this net8.0 library is loaded by notebooks and takes no templating package, and it writes
// only fixed markup, script-safe JSON (ChartJson) and one encoded value, a page's title.
public static class ChartHtml
{
    /// <summary>The manifest resource of Plotly.NET that holds the minified plotly.js.</summary>
    public const string PlotlyJsResource = "Plotly.NET.plotly-2.28.0.min.js";

    private static readonly Lazy<string> Script = new(ReadPlotlyJs);

    /// <summary>The plotly.js source bundled with Plotly.NET (read once, then cached).</summary>
    public static string PlotlyJs => Script.Value;

    /// <summary>
    /// plotly.js as a <c>&lt;script&gt;</c> element that always defines <c>window.Plotly</c>, even on a
    /// page that has an AMD loader such as require.js (which would otherwise capture the module).
    /// </summary>
    public static string PlotlyJsScriptTag() =>
        "<script>window.__courseKitDefine = window.define; window.define = undefined;</script>\n" +
        "<script>" + PlotlyJs + "</script>\n" +
        "<script>window.define = window.__courseKitDefine; delete window.__courseKitDefine;</script>\n";

    /// <summary>
    /// One chart as a <c>div</c> and the script that draws it. With <paramref name="includePlotlyJs"/>
    /// false the script waits until <c>window.Plotly</c> exists (loaded by an earlier fragment or the page).
    /// </summary>
    public static string Fragment(GenericChart chart, bool includePlotlyJs)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return (includePlotlyJs ? PlotlyJsScriptTag() : "") + FigureFragment(ChartJson.Figure(chart));
    }

    // A figure's div and the script that draws it once window.Plotly exists. The figure is JSON as System.Text.Json
    // writes it by default (<, > and & as \u003C …), so its text cannot end the script element.
    private static string FigureFragment(string figureJson)
    {
        var id = "coursekit-chart-" + Guid.NewGuid().ToString("N");
        var html = new StringBuilder();
        html.Append($"<div id=\"{id}\" class=\"coursekit-chart\"></div>\n");
        html.Append("<script>\n(function () {\n");
        html.Append($"  var figure = {figureJson};\n");
        html.Append($"  var config = {ChartJson.Config};\n");
        html.Append("  var tries = 0;\n");
        html.Append("  function draw() {\n");
        html.Append("    if (window.Plotly) { window.Plotly.newPlot(\"" + id + "\", figure.data, figure.layout, config); return; }\n");
        html.Append("    if (++tries > 400) { document.getElementById(\"" + id + "\").textContent = \"plotly.js did not load, so this chart cannot be drawn.\"; return; }\n");
        html.Append("    setTimeout(draw, 50);\n");
        html.Append("  }\n  draw();\n})();\n</script>\n");
        return html.ToString();
    }

    /// <summary>A whole self-contained page: plotly.js once, then each chart.</summary>
    public static string Page(string title, params GenericChart[] charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        return PageOf(title, PlotlyJsScriptTag(), charts.Select(ChartJson.Figure));
    }

    /// <summary>
    /// A page of figures (Plotly JSON with <c>data</c> and <c>layout</c>) that loads plotly.js from
    /// <paramref name="plotlyJsSource"/>, a path relative to the page: pages that share one copy of plotly.js.
    /// </summary>
    public static string PageLinkingPlotlyJs(string title, string plotlyJsSource, params string[] figuresJson)
    {
        ArgumentNullException.ThrowIfNull(figuresJson);
        var script = $"<script src=\"{WebUtility.HtmlEncode(plotlyJsSource)}\"></script>\n";
        return PageOf(title, script, figuresJson.Select(f => (JsonNode.Parse(f) ?? new JsonObject()).ToJsonString()));
    }

    private static string PageOf(string title, string plotlyJs, IEnumerable<string> figuresJson)
    {
        var encoded = WebUtility.HtmlEncode(title);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{encoded}</title>\n");
        html.Append("<style>body { font-family: Arial, Helvetica, sans-serif; margin: 24px; color: #1f2937; } ");
        html.Append(".coursekit-chart { margin: 0 0 32px 0; }</style>\n");
        html.Append(plotlyJs);
        html.Append("</head>\n<body>\n");
        html.Append($"<h1>{encoded}</h1>\n");
        foreach (var figure in figuresJson)
            html.Append(FigureFragment(figure));
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes <see cref="Page"/> to <paramref name="path"/> atomically (temp file + rename).</summary>
    public static void SavePage(string path, string title, params GenericChart[] charts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, Page(title, charts));
    }

    private static string ReadPlotlyJs()
    {
        var assembly = typeof(GenericChart).Assembly;
        using var stream = assembly.GetManifestResourceStream(PlotlyJsResource)
            ?? throw new InvalidOperationException(
                $"Plotly.NET {assembly.GetName().Version} has no resource '{PlotlyJsResource}'; it has: " +
                string.Join(", ", assembly.GetManifestResourceNames()));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
