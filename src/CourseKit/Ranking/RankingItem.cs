namespace CourseKit.Ranking;

/// <summary>An item to rank, with its criteria in a fixed order.</summary>
public sealed record RankingItem
{
    public RankingItem(string name, IEnumerable<Criterion> criteria)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("An item to rank needs a non-empty name.", nameof(name));
        Name = name;
        Criteria = criteria.ToList();
        var duplicate = Criteria.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Item '{name}' has the criterion '{duplicate.Key}' twice.", nameof(criteria));
    }

    public RankingItem(string name, params (string Name, decimal Value)[] criteria)
        : this(name, criteria.Select(c => new Criterion(c.Name, c.Value)))
    {
    }

    public string Name { get; }
    public IReadOnlyList<Criterion> Criteria { get; }

    public bool Has(string criterion) => Criteria.Any(c => c.Name == criterion);

    public decimal this[string criterion] =>
        Criteria.FirstOrDefault(c => c.Name == criterion) is { Name: not null } found
            ? found.Value
            : throw new KeyNotFoundException($"Item '{Name}' has no criterion '{criterion}'.");
}
