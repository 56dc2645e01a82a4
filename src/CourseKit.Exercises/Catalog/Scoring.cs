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

    /// <summary>A trend as an item to rank, its four dimensions as criteria named by their keys.</summary>
    public static RankingItem ToRankingItem(TrendRecord trend) =>
        new(trend.Trend, Dimensions.All.Select(d => new Criterion(d.Key(), trend.Scores[d])));

    /// <summary>Lesson 2's weights for an infrastructure team: speed and low cost first.</summary>
    public static Weights InfrastructureWeights { get; } =
        new(("product_value", 0.3m), ("stability", 0.3m), ("engineering_cost", -0.4m));

    /// <summary>Lesson 4's weights for a ToB team over the four dimensions: workflow counts double.</summary>
    public static Weights ToBWeights { get; } =
        new(("ability", 0.2m), ("cost_impact", 0.2m), ("new_interaction", 0.2m), ("workflow_change", 0.4m));

    /// <summary>The weight that flips the top item with the smallest move, alone; ties go to the earlier weight.</summary>
    public static (string Criterion, decimal Threshold, string NewTop) SmallestFlip(IReadOnlyList<RankingItem> items, Weights weights)
    {
        (string, decimal, string)? best = null;
        var bestDistance = decimal.MaxValue;
        foreach (var criterion in weights.Names)
        {
            var range = Sensitivity.TopItemRange(items, weights, criterion);
            foreach (var (bound, leader) in new[] { (range.Lower, range.LeaderBelow), (range.Upper, range.LeaderAbove) })
            {
                if (bound is null || leader is null) continue;
                var distance = Math.Abs(range.Current - bound.Value);
                if (distance < bestDistance)
                    (best, bestDistance) = ((criterion, bound.Value, leader), distance);
            }
        }
        return best ?? throw new InvalidOperationException("No single weight flips the top item.");
    }
}
