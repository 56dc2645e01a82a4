using CourseKit.Judgment;

namespace CourseKit.Data;

/// <summary>
/// One row of a four-dimension table: the scores plus where they come from and why.
/// <see cref="Judgment"/> is <c>seed-illustrative</c> or <c>course-illustrative</c>: every score is an
/// illustrative judgment, never a measurement.
/// </summary>
public sealed record TrendRecord(
    string Trend,
    string Title,
    string Source,
    string MainLine,
    TrendScores Scores,
    string Judgment,
    string Rationale)
{
    public TrendVerdict Verdict => FourDimensionCheck.Evaluate(Scores);
}
