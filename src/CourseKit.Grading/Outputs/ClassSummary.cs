using System.Globalization;
using System.Net;
using System.Text;
using CourseKit.Charts;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Grading;
using CourseKit.Grading.Results;

namespace CourseKit.Grading.Outputs;

/// <summary>
/// <c>summary.html</c>: the class's score distribution and each exercise's pass rate (passed, or a free-text
/// answer handed in), as Plotly charts on one offline page (plotly.js embedded once) and as a table.
/// </summary>
public static class ClassSummary
{
    public const string FileName = "summary.html";

    public static bool Passed(StudentResult student, string exerciseId) =>
        student.Exercise(exerciseId)?.Status is ExerciseStatus.Passed or ExerciseStatus.NeedsManualGrading;

    public static double PassRate(IReadOnlyList<StudentResult> results, string exerciseId) =>
        results.Count == 0 ? 0 : results.Count(r => Passed(r, exerciseId)) / (double)results.Count;

    public static string Write(IReadOnlyList<StudentResult> results)
    {
        var exercises = ExerciseCatalog.All;
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
            var rates = exercises.Select(e => (e.Id, PassRate(results, e.Id))).ToList();
            html.Append(ChartHtml.Fragment(RateColumns.Build(rates, "Pass rate per exercise", "Students who passed (%)"), includePlotlyJs: false));
        }
        html.Append("<table>\n<tr><th>Exercise</th><th>Points</th><th>Mean</th><th>Pass rate</th><th>Not attempted</th><th>Not run</th></tr>\n");
        foreach (var exercise in exercises)
        {
            var mean = results.Count == 0 ? 0 : results.Average(r => (double)r.Score(exercise.Id));
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(exercise.Id + " · " + exercise.Title)}</td><td>{exercise.Points}</td><td>{Format(mean)}</td>" +
                $"<td>{PassRate(results, exercise.Id) * 100:0}%</td><td>{Count(results, exercise.Id, ExerciseStatus.NotAttempted)}</td><td>{Count(results, exercise.Id, ExerciseStatus.NotRun)}</td></tr>\n");
        }
        html.Append("</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static int Count(IReadOnlyList<StudentResult> results, string id, ExerciseStatus status) =>
        results.Count(r => r.Exercise(id)?.Status == status);

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
