using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Documents;

public enum CellType { Markdown, Code, Raw }

/// <summary>
/// One cell over its JSON object, so metadata the kit does not know (e.g. <c>vscode</c>) survives
/// every rewrite. A .dib cell is held in the same shape.
/// </summary>
public sealed class NotebookCell
{
    private readonly bool _sourceAsLines;

    internal NotebookCell(JsonObject json)
    {
        Json = json;
        _sourceAsLines = json["source"] is JsonArray;
    }

    internal JsonObject Json { get; }

    public CellType Type => (string?)Json["cell_type"] switch
    {
        "markdown" => CellType.Markdown,
        "code" => CellType.Code,
        _ => CellType.Raw,
    };

    public string? Id => (string?)Json["id"];

    /// <summary>The cell's metadata, known and unknown keys alike.</summary>
    public JsonObject Metadata => Json["metadata"] as JsonObject ?? [];

    public int? ExecutionCount => (int?)Json["execution_count"];

    public string Source
    {
        get => Json["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
            JsonValue text => (string?)text ?? "",
            _ => "",
        };
        set => Json["source"] = _sourceAsLines ? SourceLines(value) : JsonValue.Create(value);
    }

    /// <summary>The kernel named by the cell's metadata, if any: Polyglot's own key first, then the older one.</summary>
    public string? MetadataKernel =>
        (string?)Json["metadata"]?["polyglot_notebook"]?["kernelName"] ??
        (string?)Json["metadata"]?["dotnet_interactive"]?["language"];

    /// <summary>Replaces the outputs and execution count of a code cell.</summary>
    public void SetOutputs(JsonArray outputs, int? executionCount)
    {
        if (Type != CellType.Code) throw new InvalidOperationException("Only code cells have outputs.");
        Json["execution_count"] = executionCount;
        Json["outputs"] = outputs;
    }

    public JsonArray Outputs => Json["outputs"] as JsonArray ?? [];

    /// <summary>Splits text into nbformat's list of lines, each keeping its newline.</summary>
    public static JsonArray SourceLines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }
}
