using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Documents;

/// <summary>Reads and writes nbformat 4 JSON the way Jupyter and VS Code write it.</summary>
internal static class IpynbFormat
{
    public static Notebook Parse(string text, string path)
    {
        if (text.Trim().Length == 0)
            throw new NotebookFormatException(path, "the file is empty; expected a notebook in JSON.");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException error)
        {
            throw new NotebookFormatException(path,
                $"not valid JSON (line {error.LineNumber + 1}, position {error.BytePositionInLine + 1}); expected an nbformat 4 notebook.");
        }
        if (node is not JsonObject root)
            throw new NotebookFormatException(path, "the JSON is not an object; expected an nbformat 4 notebook.");
        var version = root["nbformat"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : (int?)null;
        if (version is null)
            throw new NotebookFormatException(path, "there is no \"nbformat\" field; expected an nbformat 4 notebook.");
        if (version != 4)
            throw new NotebookFormatException(path, $"it is nbformat {version}; only nbformat 4 is supported.");
        if (root["cells"] is not JsonArray cells)
            throw new NotebookFormatException(path, "there is no \"cells\" list.");
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"] is not JsonValue)
                throw new NotebookFormatException(path, $"cell {i + 1} has no \"cell_type\".");
        }
        return new Notebook(NotebookFormat.Ipynb, root, new TextLayout(DetectIndent(text), text.EndsWith('\n')));
    }

    public static string Serialize(Notebook notebook)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            IndentSize = Math.Max(1, notebook.Layout.Indent),
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        var json = notebook.Root.ToJsonString(options);
        return notebook.Layout.TrailingNewline ? json + "\n" : json;
    }

    public static Notebook Create()
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = "csharp",
                        ["items"] = new JsonArray(
                            new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" },
                            new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "Mermaid", ["name"] = "mermaid" }),
                    },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return new Notebook(NotebookFormat.Ipynb, root, new TextLayout(1, true));
    }

    public static JsonObject NewCell(string type, string source, string? kernel)
    {
        var cell = new JsonObject
        {
            ["cell_type"] = type,
            ["id"] = Guid.NewGuid().ToString("N")[..12],
            ["metadata"] = kernel is null
                ? new JsonObject()
                : new JsonObject
                {
                    ["dotnet_interactive"] = new JsonObject { ["language"] = kernel },
                    ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel },
                },
            ["source"] = NotebookCell.SourceLines(source),
        };
        if (type == "code")
        {
            cell["execution_count"] = null;
            cell["outputs"] = new JsonArray();
        }
        return cell;
    }

    private static int DetectIndent(string text)
    {
        var secondLine = text.Split('\n', 3).ElementAtOrDefault(1) ?? "";
        var indent = secondLine.Length - secondLine.TrimStart(' ').Length;
        return indent > 0 ? indent : 1;
    }
}
