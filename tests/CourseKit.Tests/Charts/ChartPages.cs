using CourseKit.Data;
using CourseKit.Ranking;
using Plotly.NET;

namespace CourseKit.Tests.Charts;

// Inside namespace CourseKit.*, the name Charts means the namespace CourseKit.Charting; alias the class.
using Charts = CourseKit.Charting.Charts;

/// <summary>Every course chart, built from the course data, by file name.</summary>
internal static class ChartPages
{
    public static IReadOnlyList<RankedItem> ImageRanking() =>
        WeightedRanking.Rank(CourseData.ImageThreads().Select(t => t.ToRankingItem()), Weights.ImagePriority);

    public static IReadOnlyList<(string Name, GenericChart Chart)> All() =>
    [
        ("radar-seed", Charts.Radar(CourseData.SeedTrends().Select(t => t.Scores))),
        ("radar-image-threads", Charts.Radar(CourseData.ImageThreads().Select(t => t.ToRankingItem()), "Image-generation trends")),
        ("ranking-image-threads", Charts.Ranking(ImageRanking(), "Image-generation threads by weighted priority")),
        ("totals-course-trends", Charts.Totals(CourseData.CourseTrends().Select(t => t.Verdict))),
        ("totals-every-trend", Charts.Totals(CourseData.AllTrends().Select(t => t.Verdict), "Every trend of the course")),
        ("contributions-image-threads", Charts.Contributions(ImageRanking())),
        ("trend-map", Charts.TrendMap()),
    ];
}
