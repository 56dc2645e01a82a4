namespace CourseKit.Ranking;

/// <summary>
/// Signed weights per criterion: a score is the sum of weight × value.
/// A criterion that lowers priority, such as engineering cost, has a negative weight.
/// </summary>
public sealed class Weights
{
    private readonly List<Criterion> _weights;

    public Weights(IEnumerable<KeyValuePair<string, decimal>> weights)
    {
        _weights = weights.Select(w => new Criterion(w.Key, w.Value)).ToList();
        if (_weights.Count == 0)
            throw new ArgumentException("Weights need at least one named criterion.", nameof(weights));
        foreach (var weight in _weights)
        {
            if (string.IsNullOrWhiteSpace(weight.Name))
                throw new ArgumentException("Every weight needs a criterion name.", nameof(weights));
        }
        var duplicate = _weights.GroupBy(w => w.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"The weight for '{duplicate.Key}' is given twice.", nameof(weights));
    }

    public Weights(params (string Criterion, decimal Weight)[] weights)
        : this(weights.Select(w => KeyValuePair.Create(w.Criterion, w.Weight)))
    {
    }

    /// <summary>The seed-001 rule: product_value×0.5 + stability×0.3 − engineering_cost×0.2.</summary>
    public static Weights ImagePriority { get; } =
        new(("product_value", 0.5m), ("stability", 0.3m), ("engineering_cost", -0.2m));

    public IReadOnlyList<Criterion> Entries => _weights;

    public IEnumerable<string> Names => _weights.Select(w => w.Name);

    public decimal this[string criterion] =>
        _weights.FirstOrDefault(w => w.Name == criterion) is { Name: not null } found
            ? found.Value
            : throw new KeyNotFoundException($"There is no weight for '{criterion}'.");

    /// <summary>A copy with one weight replaced (or added).</summary>
    public Weights With(string criterion, decimal weight) =>
        new(_weights.Where(w => w.Name != criterion)
            .Select(w => KeyValuePair.Create(w.Name, w.Value))
            .Append(KeyValuePair.Create(criterion, weight))
            .OrderBy(w => IndexOf(w.Key)));

    /// <summary>Checks that every weight names a criterion every item has.</summary>
    public void ValidateAgainst(IReadOnlyList<RankingItem> items)
    {
        foreach (var item in items)
        {
            foreach (var weight in _weights)
            {
                if (!item.Has(weight.Name))
                {
                    var known = string.Join(", ", item.Criteria.Select(c => c.Name));
                    throw new ArgumentException(
                        $"The weight '{weight.Name}' names no criterion of item '{item.Name}' (its criteria: {known}).");
                }
            }
        }
    }

    public override string ToString() =>
        string.Join(" ", _weights.Select((w, i) =>
            (i == 0 ? (w.Value < 0 ? "-" : "") : (w.Value < 0 ? "- " : "+ ")) + $"{w.Name}×{Math.Abs(w.Value)}"));

    private int IndexOf(string criterion)
    {
        var index = _weights.FindIndex(w => w.Name == criterion);
        return index < 0 ? int.MaxValue : index;
    }
}
