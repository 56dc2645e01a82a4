namespace CourseKit.Ranking;

/// <summary>How far one weight can move before the top item of a ranking changes.</summary>
public static class Sensitivity
{
    /// <summary>
    /// Holding the other weights fixed, finds the range of <paramref name="criterion"/>'s weight over
    /// which today's top item still scores at least as much as every other item.
    /// Scores are linear in the weight, so each rival gives one exact crossing point.
    /// Computed on unrounded scores.
    /// </summary>
    public static WeightRange TopItemRange(IEnumerable<RankingItem> items, Weights weights, string criterion)
    {
        var list = items.ToList();
        if (list.Count == 0)
            throw new ArgumentException("There is nothing to rank.", nameof(items));
        var current = weights.Entries.Any(w => w.Name == criterion) ? weights[criterion] : 0m;
        var withCriterion = weights.With(criterion, current);
        withCriterion.ValidateAgainst(list);

        var top = WeightedRanking.Rank(list, withCriterion)[0].Item;
        decimal Rest(RankingItem item) => WeightedRanking.Score(item, withCriterion) - current * item[criterion];

        decimal? lower = null, upper = null;
        string? leaderBelow = null, leaderAbove = null;
        foreach (var rival in list.Where(i => !ReferenceEquals(i, top)))
        {
            // top beats rival while slope·w ≥ gap
            var slope = top[criterion] - rival[criterion];
            var gap = Rest(rival) - Rest(top);
            if (slope == 0) continue;
            var crossing = gap / slope;
            if (slope > 0 && (lower is null || crossing > lower))
                (lower, leaderBelow) = (crossing, rival.Name);
            else if (slope < 0 && (upper is null || crossing < upper))
                (upper, leaderAbove) = (crossing, rival.Name);
        }
        return new WeightRange(criterion, current, top.Name, lower, leaderBelow, upper, leaderAbove);
    }
}
