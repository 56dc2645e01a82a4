namespace CourseKit.Judgment;

/// <summary>The four dimensions of the trend check, in the order that breaks ties.</summary>
public enum Dimension
{
    Ability,
    CostImpact,
    NewInteraction,
    WorkflowChange,
}

/// <summary>Names, labels and the guiding questions of each dimension.</summary>
public static class Dimensions
{
    /// <summary>All four dimensions in tie-break order.</summary>
    public static IReadOnlyList<Dimension> All { get; } =
        [Dimension.Ability, Dimension.CostImpact, Dimension.NewInteraction, Dimension.WorkflowChange];

    /// <summary>The snake_case key the seed uses, e.g. <c>cost_impact</c>.</summary>
    public static string Key(this Dimension dimension) => dimension switch
    {
        Dimension.Ability => "ability",
        Dimension.CostImpact => "cost_impact",
        Dimension.NewInteraction => "new_interaction",
        Dimension.WorkflowChange => "workflow_change",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>A short label for tables and chart axes.</summary>
    public static string Label(this Dimension dimension) => dimension switch
    {
        Dimension.Ability => "Capability",
        Dimension.CostImpact => "Cost impact",
        Dimension.NewInteraction => "New interaction",
        Dimension.WorkflowChange => "Workflow change",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>The advice given when this dimension is a trend's strongest change.</summary>
    public static string Advice(this Dimension dimension) => dimension switch
    {
        Dimension.Ability => "First look at what new tasks it can do",
        Dimension.CostImpact => "First look at whether it lowers large-scale usage cost",
        Dimension.NewInteraction => "First look at whether it changes the user entry point",
        Dimension.WorkflowChange => "First look at whether it reorganizes the product flow",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>Parses a seed key such as <c>new_interaction</c>; returns false for anything else.</summary>
    public static bool TryParseKey(string key, out Dimension dimension)
    {
        foreach (var candidate in All)
        {
            if (candidate.Key() == key)
            {
                dimension = candidate;
                return true;
            }
        }
        dimension = default;
        return false;
    }
}
