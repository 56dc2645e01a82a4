namespace CourseKit.TrendMap;

/// <summary>One long-term main line of the trend map and the directions it holds.</summary>
public sealed record MainLine(string Name, IReadOnlyList<string> Items);
