namespace CourseKit.Judgment;

/// <summary>What the four-dimension check concludes about one trend.</summary>
public sealed record TrendVerdict(string Name, int Total, Dimension StrongestChange)
{
    /// <summary>The question to ask first, chosen by the strongest change.</summary>
    public string Advice => StrongestChange.Advice();

    /// <summary>The seed's summary line, e.g. <c>multimodal: total=32, strongest_change=ability</c>.</summary>
    public string SummaryLine => $"{Name}: total={Total}, strongest_change={StrongestChange.Key()}";

    /// <summary>The seed's advice line, e.g. <c>multimodal -> First look at what new tasks it can do</c>.</summary>
    public string AdviceLine => $"{Name} -> {Advice}";

    public override string ToString() => SummaryLine;
}
