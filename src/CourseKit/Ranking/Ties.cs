namespace CourseKit.Ranking;

/// <summary>
/// The course's one rule for ties, used by every ranking, table, chart and exercise check:
/// <list type="bullet">
/// <item><b>Items</b> (trends, threads) with equal scores share a place. They are listed in the order of the
/// course data, and all of them are marked as leaders when they tie for the top.</item>
/// <item><b>Dimensions</b> of one trend with equal scores: the earlier dimension in the order capability,
/// cost impact, new interaction, workflow change is named the strongest change.</item>
/// </list>
/// </summary>
public static class Ties
{
    /// <summary>The rule for items, in the words the lessons and exercises use.</summary>
    public const string ItemRule =
        "Equal scores share a place; tied items are listed in the order of the course data.";

    /// <summary>The rule for the strongest change, in the words the lessons and exercises use.</summary>
    public const string DimensionRule =
        "When two dimensions share the highest score, the earlier one in the order capability, cost impact, new interaction, workflow change is the strongest change.";

    /// <summary>The items sorted highest score first; equal scores keep their given (data) order.</summary>
    public static IReadOnlyList<T> Order<T, TScore>(IEnumerable<T> items, Func<T, TScore> score) where TScore : IComparable<TScore>
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(score);
        // OrderByDescending is stable: equal keys keep their input order.
        return items.OrderByDescending(score).ToList();
    }

    /// <summary>
    /// The place of each score in a list already sorted highest first: equal scores share a place and the
    /// next score skips the shared places (10, 9, 9, 7 → 1, 2, 2, 4).
    /// </summary>
    public static IReadOnlyList<int> Places<TScore>(IReadOnlyList<TScore> sortedScores) where TScore : IComparable<TScore>
    {
        ArgumentNullException.ThrowIfNull(sortedScores);
        var places = new int[sortedScores.Count];
        for (var i = 0; i < sortedScores.Count; i++)
        {
            if (i > 0 && sortedScores[i].CompareTo(sortedScores[i - 1]) > 0)
                throw new ArgumentException("The scores must be sorted highest first.", nameof(sortedScores));
            places[i] = i > 0 && sortedScores[i].CompareTo(sortedScores[i - 1]) == 0 ? places[i - 1] : i + 1;
        }
        return places;
    }

    /// <summary>Whether each score ties for the highest one (all tied leaders are marked, not just the first).</summary>
    public static IReadOnlyList<bool> Leaders<TScore>(IReadOnlyList<TScore> scores) where TScore : IComparable<TScore>
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0) return [];
        var top = scores.Max()!;
        return scores.Select(s => s.CompareTo(top) == 0).ToList();
    }
}
