using System.Globalization;
using CourseKit.Charting;
using CourseKit.Grading.Results;
using CourseKit.Notebooks.Rendering;

namespace CourseKit.Grading.Outputs;

/// <summary>
/// <c>summary.html</c>: the class's score distribution and each exercise's pass rate (see <see cref="ExerciseStats"/>),
/// as Plotly charts on one offline page (plotly.js embedded once) and as a table (<c>Templates/summary.liquid</c>).
/// Submissions that are not gradable count in none of these: they are listed apart with why, as are submissions
/// whose id was handed in twice.
/// </summary>
public static class ClassSummary
{
    public const string FileName = "summary.html";

    public sealed record Page(TrustedHtml PlotlyJs, string Overview, IReadOnlyList<TrustedHtml> Charts, IReadOnlyList<Row> Rows,
        IReadOnlyList<Note> NotGradable, IReadOnlyList<Note> Conflicts);

    /// <summary>A student and what the summary notes about their submission.</summary>
    public sealed record Note(string StudentId, string Text);

    /// <summary>One exercise's row, every cell already formatted (invariant culture).</summary>
    public sealed record Row(string Exercise, string Points, string Mean, string PassRate, string Awaiting, string NotAttempted, string NotRun);

    private static readonly HtmlTemplate Template = HtmlTemplate.FromResource(
        typeof(ClassSummary).Assembly, "summary.liquid", typeof(Page), typeof(Row), typeof(Note));

    public static string Write(IReadOnlyList<StudentResult> all)
    {
        var results = all.Where(r => r.IsGradable).ToList();
        var notGradable = all.Where(r => !r.IsGradable).Select(r => new Note(r.StudentId, r.NotGradable!)).ToList();
        var conflicts = all.Where(r => r.Conflict is not null).Select(r => new Note(r.StudentId, r.Conflict!)).ToList();
        var stats = ExerciseStats.Of(results);
        var totals = results.Select(r => (double)r.Total).ToList();
        // The charts are the kit's own markup: a div and a script whose figure JSON is script-safe (ChartJson).
        var charts = results.Count == 0 ? [] : new List<TrustedHtml>
        {
            new(ChartHtml.Fragment(ScoreHistogram.Build(totals, StudentResult.MaxTotal, "Distribution of total scores", "Total points"), includePlotlyJs: false)),
            new(ChartHtml.Fragment(RateColumns.Build(stats.Select(s => (s.Exercise.Id, s.PassRate)).ToList(), "Pass rate per exercise", "Students who passed (%)"), includePlotlyJs: false)),
        };
        return Template.Render(new Page(
            new TrustedHtml(ChartHtml.PlotlyJsScriptTag()),
            string.Create(CultureInfo.InvariantCulture,
                $"{results.Count} students graded; mean total {Format(totals.DefaultIfEmpty(0).Average())} of {StudentResult.MaxTotal}, median {Format(Median(totals))}.")
                + (notGradable.Count > 0 ? $" {Number(notGradable.Count)} not gradable (below), counted in none of the figures." : ""),
            charts,
            stats.Select(s => new Row(
                s.Exercise.Id + " · " + s.Exercise.Title,
                Number(s.Exercise.Points),
                Format(s.Mean),
                s.PassRate is { } value ? (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : RateColumns.Pending,
                Number(s.Awaiting), Number(s.NotAttempted), Number(s.NotRun))).ToList(),
            notGradable, conflicts));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
