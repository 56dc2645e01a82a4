namespace CourseKit.Judgment;

/// <summary>One row of the "dimension → what to ask first" table.</summary>
public sealed record AskFirstQuestion(string Dimension, string Question);

/// <summary>The beginner's table of the first question to ask on each dimension (seed 000).</summary>
public static class AskFirstTable
{
    public static IReadOnlyList<AskFirstQuestion> Rows { get; } =
    [
        new("Capability", "What can it do now that it couldn't do before?"),
        new("Cost", "What became cheaper, or did it become more expensive instead?"),
        new("Interaction", "Has the user-system interaction entry point changed?"),
        new("Workflow", "Does it make the product flow shorter, faster, or more complex?"),
    ];
}
