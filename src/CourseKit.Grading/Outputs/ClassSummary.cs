using System.Globalization;
using System.Net;
using System.Text;
using CourseKit.Charts;
using CourseKit.Grading.Results;

namespace CourseKit.Grading.Outputs;

/// <summary>
/// <c>summary.html</c>: the class's score distribution and each exercise's pass rate (see <see cref="ExerciseStats"/>),
/// as Plotly charts on one offline page (plotly.js embedded once) and as a table.
/// </summary>
public static class ClassSummary
{
    public const string FileName = "summary.html";

    public static string Write(IReadOnlyList<StudentResult> results)
    {
        var stats = ExerciseStats.Of(results);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Class summary</title>\n");
        html.Append("<style>body{font-family:Arial,Helvetica,sans-serif;margin:24px;color:#1f2937}")
            .Append("table{border-collapse:collapse;margin:16px 0 32px}td,th{border:1px solid #d1d5db;padding:4px 10px;text-align:right}")
            .Append("td:first-child,th:first-child{text-align:left}</style>\n");
        html.Append(ChartHtml.PlotlyJsScriptTag());
        html.Append("</head>\n<body>\n<h1>Class summary</h1>\n");
        var totals = results.Select(r => (double)r.Total).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<p>{results.Count} students graded; mean total {Format(totals.DefaultIfEmpty(0).Average())} of {StudentResult.MaxTotal}, median {Format(Median(totals))}.</p>\n");
        if (results.Count > 0)
        {
            html.Append(ChartHtml.Fragment(ScoreHistogram.Build(totals, StudentResult.MaxTotal, "Distribution of total scores", "Total points"), includePlotlyJs: false));
            var rates = stats.Select(s => (s.Exercise.Id, s.PassRate)).ToList();
            html.Append(ChartHtml.Fragment(RateColumns.Build(rates, "Pass rate per exercise", "Students who passed (%)"), includePlotlyJs: false));
        }
        html.Append("<p>An automatic exercise is passed when all its checks pass; a free-text one when the instructor awards at least half its points. ")
            .Append("A free-text exercise's pass rate is pending until the instructor has graded every answer to it.</p>\n");
        html.Append("<table>\n<tr><th>Exercise</th><th>Points</th><th>Mean</th><th>Pass rate</th><th>Awaiting grading</th><th>Not attempted</th><th>Not run</th></tr>\n");
        foreach (var s in stats)
        {
            var rate = s.PassRate is { } value ? (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : RateColumns.Pending;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(s.Exercise.Id + " · " + s.Exercise.Title)}</td><td>{s.Exercise.Points}</td><td>{Format(s.Mean)}</td>" +
                $"<td>{rate}</td><td>{s.Awaiting}</td><td>{s.NotAttempted}</td><td>{s.NotRun}</td></tr>\n");
        }
        html.Append("</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
