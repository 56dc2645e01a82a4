namespace CourseKit.Notebooks.Runtime;

/// <summary>
/// How a library shows its own values in the kit's notebooks (its charts, its tables). The kit's worker creates one
/// instance per notebook of every non-abstract implementation with a parameterless constructor in the assemblies it
/// loads, and asks them, in load order, before it falls back to tables for sequences and to text.
/// </summary>
public interface IValueDisplay
{
    /// <summary>What to show for <paramref name="value"/>, or null when this library does not show such values.</summary>
    DisplayContent? Show(object value);
}

/// <summary>What a displayed value becomes.</summary>
public abstract record DisplayContent
{
    private DisplayContent() { }

    /// <summary>Ready-made content by mime type (e.g. <c>text/html</c>, <c>application/vnd.plotly.v1+json</c>); always give <c>text/plain</c> too.</summary>
    public sealed record Mime(IReadOnlyDictionary<string, string> Data) : DisplayContent;

    /// <summary>
    /// A table the kit renders as HTML with a text fallback: column names, the rows' cells (read lazily: the kit
    /// shows only the first ones) and how many rows there are in all.
    /// </summary>
    public sealed record Table(IReadOnlyList<string> Columns, IEnumerable<IReadOnlyList<object?>> Rows, long TotalRows) : DisplayContent;
}
