using CourseKit.Notebooks.Runtime;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace CourseKit.Charting;

/// <summary>
/// How the kit's notebooks show this library's values: a chart as offline HTML plus Plotly's JSON (the first chart
/// of a notebook carries plotly.js, later ones reuse it from the page), a DataFrame as a table. The kit's worker
/// finds this class and makes one per notebook; it is internal so that other kernels never see it.
/// </summary>
internal sealed class NotebookDisplay : IValueDisplay
{
    private bool _plotlyJsSent;

    public DisplayContent? Show(object value) => value switch
    {
        GenericChart chart => Chart(chart),
        DataFrame frame => new DisplayContent.Table(
            frame.Columns.Select(c => c.Name).ToList(),
            Enumerable.Range(0, (int)Math.Min(frame.Rows.Count, int.MaxValue)).Select(i => (IReadOnlyList<object?>)frame.Rows[i].ToList()),
            frame.Rows.Count),
        _ => null,
    };

    private DisplayContent Chart(GenericChart chart)
    {
        var html = ChartHtml.Fragment(chart, includePlotlyJs: !_plotlyJsSent);
        _plotlyJsSent = true;
        return new DisplayContent.Mime(new Dictionary<string, string>
        {
            ["text/html"] = html,
            ["application/vnd.plotly.v1+json"] = ChartJson.Figure(chart),
            ["text/plain"] = "Plotly chart",
        });
    }
}
