using System.Text.Json.Nodes;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Kernel;

/// <summary>The runner's cell outputs as iopub messages: stream, display_data, execute_result and error.</summary>
public static class OutputMessages
{
    public static string Type(CellOutput output) => output switch
    {
        CellOutput.Stream => "stream",
        CellOutput.Display { IsResult: true } => "execute_result",
        CellOutput.Display => "display_data",
        CellOutput.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(output)),
    };

    public static JsonObject Content(CellOutput output, int executionCount) => output switch
    {
        CellOutput.Stream s => new JsonObject { ["name"] = s.Name, ["text"] = s.Text },
        CellOutput.Display { IsResult: true } d => new JsonObject
        {
            ["execution_count"] = executionCount, ["data"] = Bundle(d.Data), ["metadata"] = new JsonObject(),
        },
        CellOutput.Display d => new JsonObject
        {
            ["data"] = Bundle(d.Data), ["metadata"] = new JsonObject(), ["transient"] = new JsonObject(),
        },
        CellOutput.Error e => new JsonObject
        {
            ["ename"] = e.Name, ["evalue"] = e.Value,
            ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output)),
    };

    // Every front end can show text/plain, so a bundle always has it; JSON types go as JSON, not as text.
    private static JsonObject Bundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, content) in data)
            bundle[mime] = MimeTypes.IsJson(mime) ? Json(content) : content;
        if (!bundle.ContainsKey(MimeTypes.PlainText))
            bundle[MimeTypes.PlainText] = data.ContainsKey(MimeTypes.PlotlyJson) ? "Plotly chart" : string.Join(", ", data.Keys);
        return bundle;
    }

    private static JsonNode? Json(string content)
    {
        try
        {
            return JsonNode.Parse(content);
        }
        catch (System.Text.Json.JsonException)
        {
            return content;
        }
    }
}
