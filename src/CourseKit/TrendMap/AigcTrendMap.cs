namespace CourseKit.TrendMap;

/// <summary>The seed-000 trend map: the chain of changes and the six long-term main lines.</summary>
public static class AigcTrendMap
{
    public const string Title = "AIGC Frontier Trends";

    /// <summary>Each change makes the next possible: capability → cost → interaction → deployment → product.</summary>
    public static IReadOnlyList<string> Chain { get; } =
    [
        "Capability change",
        "Cost change",
        "Interaction change",
        "Deployment change",
        "Product possibility change",
    ];

    /// <summary>The six long-term main lines and their items, in the seed's order.</summary>
    public static IReadOnlyList<MainLine> MainLines { get; } =
    [
        new("Capability boundaries", ["Multimodal", "Stronger understanding and generation"]),
        new("Workflow form", ["Content generation", "Workflow generation", "Agentification"]),
        new("Cost efficiency", ["Small models", "Distillation", "Lower latency"]),
        new("Interaction speed", ["Real-time generation", "Streaming output"]),
        new("Deployment location", ["Cloud", "Edge", "Localization"]),
        new("System organization", ["Model", "Retrieval", "Tools", "Safety guardrails"]),
    ];

    /// <summary>Finds a main line by name, ignoring case; the error lists the valid names.</summary>
    public static MainLine Line(string name) =>
        MainLines.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"'{name}' is not a main line of the trend map. Expected one of: {string.Join(", ", MainLines.Select(l => l.Name))}.",
            nameof(name));
}
