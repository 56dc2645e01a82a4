namespace CourseKit.Charting;

/// <summary>One bar of a sorted bar chart: its category, value and the text printed on it.</summary>
public sealed record Bar(string Label, double Value, string Text);

/// <summary>A titled set of bars, drawn sorted highest first by <see cref="SortedBarChart"/>.</summary>
public sealed record BarSeries(string Title, string ValueAxisTitle, IReadOnlyList<Bar> Bars);
