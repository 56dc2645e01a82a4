namespace CourseKit.Judgment;

/// <summary>The four-dimension check: capability, cost, interaction and workflow (seed 000).</summary>
public static class FourDimensionCheck
{
    /// <summary>Totals the scores and names the strongest change; a tie goes to the earlier dimension (<see cref="Ranking.Ties.DimensionRule"/>).</summary>
    public static TrendVerdict Evaluate(TrendScores trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var strongest = Dimensions.All[0];
        foreach (var dimension in Dimensions.All)
        {
            if (trend[dimension] > trend[strongest])
                strongest = dimension;
        }
        return new TrendVerdict(trend.Name, trend.Values.Sum(), strongest);
    }

    /// <summary>Evaluates every trend, keeping the input order.</summary>
    public static IReadOnlyList<TrendVerdict> Evaluate(IEnumerable<TrendScores> trends) =>
        trends.Select(Evaluate).ToList();
}
