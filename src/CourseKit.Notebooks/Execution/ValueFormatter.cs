using System.Collections;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace CourseKit.Notebooks.Execution;

/// <summary>Chooses the mime bundle a displayed value becomes.</summary>
public sealed class ValueFormatter
{
    private bool _plotlyJsSent;

    /// <summary>
    /// Charts: HTML that renders offline plus Plotly's JSON; the first chart of a notebook carries
    /// plotly.js, later ones reuse it from the same page. DataFrames and sequences: HTML tables with a
    /// text fallback. Anything else: text/plain.
    /// </summary>
    public IReadOnlyDictionary<string, string> Format(object? value)
    {
        switch (value)
        {
            case GenericChart chart:
                var html = CourseKit.Charting.ChartHtml.Fragment(chart, includePlotlyJs: !_plotlyJsSent);
                _plotlyJsSent = true;
                return new Dictionary<string, string>
                {
                    [MimeTypes.Html] = html,
                    [MimeTypes.PlotlyJson] = CourseKit.Charting.ChartJson.Figure(chart),
                    [MimeTypes.PlainText] = "Plotly chart",
                };
            case DataFrame frame:
                return Table(HtmlTable.From(frame));
            case string text:
                return Text(text);
            case IEnumerable sequence and not IDictionary:
                return Table(HtmlTable.From(sequence));
            default:
                return Text(value?.ToString() ?? "<null>");
        }
    }

    private static Dictionary<string, string> Table((string Html, string Text) table) =>
        new() { [MimeTypes.Html] = table.Html, [MimeTypes.PlainText] = table.Text };

    private static Dictionary<string, string> Text(string text) => new() { [MimeTypes.PlainText] = text };
}
