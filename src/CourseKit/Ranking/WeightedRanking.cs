namespace CourseKit.Ranking;

/// <summary>Weighted priority ranking: score = Σ weight × value, rounded to 2 decimals, highest first.</summary>
public static class WeightedRanking
{
    /// <summary>The unrounded score of one item.</summary>
    public static decimal Score(RankingItem item, Weights weights) =>
        Contributions(item, weights).Sum(c => c.Value);

    /// <summary>What each weighted criterion adds to the item's score (weight × value).</summary>
    public static IReadOnlyList<Criterion> Contributions(RankingItem item, Weights weights) =>
        weights.Entries.Select(w => new Criterion(w.Name, w.Value * item[w.Name])).ToList();

    /// <summary>
    /// Ranks the items by rounded score, highest first, with the course's tie rule (<see cref="Ties"/>):
    /// equal scores share a place and keep their input order.
    /// Rounding is to 2 decimals, half to even, as Python's <c>round</c> does on exact decimals.
    /// </summary>
    public static IReadOnlyList<RankedItem> Rank(IEnumerable<RankingItem> items, Weights? weights = null)
    {
        weights ??= Weights.ImagePriority;
        var list = items.ToList();
        var names = list.GroupBy(i => i.Name).FirstOrDefault(g => g.Count() > 1);
        if (names is not null)
            throw new ArgumentException($"The item '{names.Key}' appears twice; names must be unique.", nameof(items));
        weights.ValidateAgainst(list);

        var scored = Ties.Order(list
            .Select(item => (item, contributions: Contributions(item, weights)))
            .Select(x => (x.item, x.contributions,
                score: Math.Round(x.contributions.Sum(c => c.Value), 2, MidpointRounding.ToEven))), x => x.score);
        var places = Ties.Places(scored.Select(x => x.score).ToList());
        return scored
            .Select((x, index) => new RankedItem(places[index], x.item, x.score.Normalize(), x.contributions))
            .ToList();
    }
}
