using System.Text.Json.Serialization;

namespace CourseKit.Notebooks.Execution;

/// <summary>One output of a cell, as nbformat knows them.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Stream), "stream")]
[JsonDerivedType(typeof(Display), "display")]
[JsonDerivedType(typeof(Error), "error")]
public abstract record CellOutput
{
    /// <summary>Text written to stdout or stderr.</summary>
    public sealed record Stream(string Name, string Text) : CellOutput;

    /// <summary>
    /// A displayed value: mime type → content. JSON mime types (e.g. Plotly's) hold JSON text.
    /// <see cref="IsResult"/> marks the cell's last expression (nbformat's execute_result).
    /// </summary>
    public sealed record Display(IReadOnlyDictionary<string, string> Data, bool IsResult) : CellOutput;

    /// <summary>An exception or compile error; the traceback uses the cell's own line numbers.</summary>
    public sealed record Error(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
}
