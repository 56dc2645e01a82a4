using System.Globalization;

namespace CourseKit.Ranking;

/// <summary>An item with its rounded score, its place (shared on a tie, see <see cref="Ties"/>) and what each criterion contributed.</summary>
public sealed record RankedItem(int Rank, RankingItem Item, decimal Score, IReadOnlyList<Criterion> Contributions)
{
    public string Name => Item.Name;

    /// <summary>
    /// The seed's printed form, e.g.
    /// <c>{'name': 'faster sampling', 'product_value': 9, 'engineering_cost': 6, 'stability': 8, 'score': 5.7}</c>.
    /// </summary>
    public override string ToString()
    {
        var fields = new List<string> { $"'name': '{Name}'" };
        fields.AddRange(Item.Criteria.Select(c => $"'{c.Name}': {PythonNumber(c.Value, isFloat: false)}"));
        fields.Add($"'score': {PythonNumber(Score, isFloat: true)}");
        return "{" + string.Join(", ", fields) + "}";
    }

    /// <summary>Formats like Python's repr: integers bare, floats with at least one decimal.</summary>
    internal static string PythonNumber(decimal value, bool isFloat)
    {
        var text = value.Normalize().ToString(CultureInfo.InvariantCulture);
        return isFloat && !text.Contains('.') ? text + ".0" : text;
    }
}

internal static class DecimalExtensions
{
    /// <summary>Drops trailing zeros: 6.00 → 6, 5.70 → 5.7.</summary>
    public static decimal Normalize(this decimal value) => value / 1.000000000000000000000000000000000m;
}
