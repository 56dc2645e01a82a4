using CourseKit.Data;
using CourseKit.Judgment;
using CourseKit.Ranking;

namespace CourseKit.Exercises.Catalog;

/// <summary>The course data and weights the computed exercises are about, read from CourseKit itself.</summary>
public static class Scoring
{
    /// <summary>The seed-002 trends of lesson 3.</summary>
    public static IReadOnlyList<TrendRecord> NewTrends() =>
        CourseData.CourseTrends().Where(t => t.Source == "seed-002").ToList();

    /// <summary>The seed-003 outlooks of lesson 4.</summary>
    public static IReadOnlyList<TrendRecord> Outlooks() =>
        CourseData.CourseTrends().Where(t => t.Source == "seed-003").ToList();

    /// <summary>Lesson 2's weights for an infrastructure team: speed and low cost first.</summary>
    public static Weights InfrastructureWeights { get; } =
        new(("product_value", 0.3m), ("stability", 0.3m), ("engineering_cost", -0.4m));
}
