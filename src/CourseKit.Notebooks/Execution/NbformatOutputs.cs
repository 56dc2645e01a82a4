using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Execution;

/// <summary>Turns runner outputs into nbformat 4 output objects.</summary>
public static class NbformatOutputs
{
    public static JsonArray From(IEnumerable<CellOutput> outputs, int executionCount) =>
        new(outputs.Select(o => (JsonNode)From(o, executionCount)).ToArray());

    public static JsonObject From(CellOutput output, int executionCount) => output switch
    {
        CellOutput.Stream s => new JsonObject
        {
            ["name"] = s.Name,
            ["output_type"] = "stream",
            ["text"] = NotebookCell.SourceLines(s.Text),
        },
        CellOutput.Display { IsResult: true } d => new JsonObject
        {
            ["data"] = Bundle(d.Data),
            ["execution_count"] = executionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        },
        CellOutput.Display d => new JsonObject
        {
            ["data"] = Bundle(d.Data),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        CellOutput.Error e => new JsonObject
        {
            ["ename"] = e.Name,
            ["evalue"] = e.Value,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output)),
    };

    /// <summary>Reads nbformat outputs back, for pages rendered from already-executed notebooks.</summary>
    public static IReadOnlyList<CellOutput> Read(JsonArray outputs) =>
        outputs.OfType<JsonObject>().Select(Read).OfType<CellOutput>().ToList();

    private static CellOutput? Read(JsonObject output) => (string?)output["output_type"] switch
    {
        "stream" => new CellOutput.Stream((string?)output["name"] ?? "stdout", Text(output["text"])),
        "display_data" or "execute_result" => new CellOutput.Display(
            (output["data"] as JsonObject ?? []).ToDictionary(p => p.Key,
                p => MimeTypes.IsJson(p.Key) ? p.Value?.ToJsonString() ?? "" : Text(p.Value)),
            (string?)output["output_type"] == "execute_result"),
        "error" => new CellOutput.Error((string?)output["ename"] ?? "", (string?)output["evalue"] ?? "",
            (output["traceback"] as JsonArray ?? []).Select(t => (string?)t ?? "").ToList()),
        _ => null,
    };

    private static JsonObject Bundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, content) in data)
            bundle[mime] = MimeTypes.IsJson(mime) ? JsonNode.Parse(content) : NotebookCell.SourceLines(content);
        return bundle;
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? "",
        _ => "",
    };
}
