namespace CourseKit.Evidence;

/// <summary>A small proof-of-learning card; <see cref="Check"/> names every missing or empty field.</summary>
public abstract record EvidenceCard
{
    public abstract string Kind { get; }

    /// <summary>The card's fields in the seed's order.</summary>
    public abstract IReadOnlyList<EvidenceField> Fields { get; }

    public CompletenessReport Check() =>
        new(Kind, Fields.Where(f => !f.IsFilled).Select(f => f.Label).ToList());

    public bool IsComplete => Check().IsComplete;

    public override string ToString() =>
        $"{Kind}\n" + string.Join("\n", Fields.Select(f => $"- {f.Label}: {(f.IsFilled ? f.Value : "(missing)")}"));
}

/// <summary>The result of an evidence card's completeness check.</summary>
public sealed record CompletenessReport(string Kind, IReadOnlyList<string> MissingFields)
{
    public bool IsComplete => MissingFields.Count == 0;

    public override string ToString() => IsComplete
        ? $"{Kind}: complete."
        : $"{Kind}: missing or empty: {string.Join(", ", MissingFields)}.";
}
