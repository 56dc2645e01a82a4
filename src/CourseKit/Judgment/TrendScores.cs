namespace CourseKit.Judgment;

/// <summary>A trend scored 0–10 on each of the four dimensions.</summary>
public sealed record TrendScores
{
    public const int Min = 0;
    public const int Max = 10;

    public TrendScores(string name, int ability, int costImpact, int newInteraction, int workflowChange)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("A trend needs a non-empty name.", nameof(name));
        Name = name;
        Ability = InRange(ability, Dimension.Ability);
        CostImpact = InRange(costImpact, Dimension.CostImpact);
        NewInteraction = InRange(newInteraction, Dimension.NewInteraction);
        WorkflowChange = InRange(workflowChange, Dimension.WorkflowChange);
    }

    public string Name { get; }
    public int Ability { get; }
    public int CostImpact { get; }
    public int NewInteraction { get; }
    public int WorkflowChange { get; }

    /// <summary>The score on one dimension.</summary>
    public int this[Dimension dimension] => dimension switch
    {
        Dimension.Ability => Ability,
        Dimension.CostImpact => CostImpact,
        Dimension.NewInteraction => NewInteraction,
        Dimension.WorkflowChange => WorkflowChange,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>The four scores in tie-break order.</summary>
    public IReadOnlyList<int> Values => [Ability, CostImpact, NewInteraction, WorkflowChange];

    private int InRange(int value, Dimension dimension) =>
        value is >= Min and <= Max
            ? value
            : throw new ArgumentOutOfRangeException(dimension.Key(), value,
                $"Trend '{Name}': {dimension.Key()} must be a whole number from {Min} to {Max}, not {value}.");
}
