namespace CourseKit.Evidence;

/// <summary>One labelled field of an evidence card, with the guidance the seed gives for it.</summary>
public sealed record EvidenceField(string Label, string Guidance, string? Value)
{
    public bool IsFilled => !string.IsNullOrWhiteSpace(Value);
}
