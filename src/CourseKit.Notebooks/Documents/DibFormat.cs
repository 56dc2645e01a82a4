using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Documents;

/// <summary>
/// Polyglot's plain-text format: an optional <c>#!meta</c> block of JSON, then cells, each opened by a
/// line <c>#!kernel</c> and separated by blank lines. Cells are held in the same JSON shape as .ipynb.
/// </summary>
internal static partial class DibFormat
{
    public static Notebook Parse(string text, string path)
    {
        if (text.Trim().Length == 0)
            throw new NotebookFormatException(path, "the file is empty; expected a .dib notebook.");
        var normalized = text.Replace("\r\n", "\n");
        var matches = CellStart().Matches(normalized);
        if (matches.Count == 0)
            throw new NotebookFormatException(path, "no cells; expected lines such as #!csharp or #!markdown.");

        var preamble = normalized[..matches[0].Index];
        JsonObject metadata = [];
        var cells = new JsonArray();
        for (var i = 0; i < matches.Count; i++)
        {
            var kernel = matches[i].Groups["kernel"].Value;
            var bodyStart = matches[i].Index + matches[i].Length;
            var bodyEnd = i + 1 < matches.Count ? matches[i + 1].Index : normalized.Length;
            var raw = normalized[bodyStart..bodyEnd];
            var content = raw.Trim('\n');
            var leading = raw.Length - raw.TrimStart('\n').Length;
            var trailing = raw.Length - raw.TrimEnd('\n').Length;
            if (content.Length == 0) { leading = raw.Length; trailing = 0; }
            if (kernel == "meta")
            {
                try
                {
                    metadata = JsonNode.Parse(content) as JsonObject
                        ?? throw new NotebookFormatException(path, "the #!meta block is not a JSON object.");
                }
                catch (JsonException error)
                {
                    throw new NotebookFormatException(path, $"the #!meta block is not valid JSON ({error.Message.Split('.')[0]}).");
                }
                metadata["coursekit_layout"] = new JsonObject { ["leading"] = leading, ["trailing"] = trailing, ["meta"] = content };
                continue;
            }
            cells.Add(new JsonObject
            {
                ["cell_type"] = kernel == "markdown" ? "markdown" : "code",
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel } },
                ["source"] = content,
                ["outputs"] = new JsonArray(),
                ["execution_count"] = null,
                ["dib"] = new JsonObject { ["leading"] = leading, ["trailing"] = trailing },
            });
        }
        var root = new JsonObject { ["metadata"] = metadata, ["cells"] = cells, ["nbformat"] = 4, ["nbformat_minor"] = 5 };
        return new Notebook(NotebookFormat.Dib, root, new TextLayout(0, text.EndsWith('\n'), preamble));
    }

    public static string Serialize(Notebook notebook)
    {
        var text = new StringBuilder(notebook.Layout.DibPreamble);
        if (notebook.Root["metadata"]?["coursekit_layout"] is JsonObject meta)
            Block(text, "meta", (string?)meta["meta"] ?? "", (int?)meta["leading"] ?? 1, (int?)meta["trailing"] ?? 2);
        foreach (var cell in notebook.Cells)
        {
            var layout = cell.Json["dib"];
            Block(text, (string?)cell.MetadataKernel ?? (cell.Type == CellType.Markdown ? "markdown" : "csharp"),
                cell.Source, (int?)layout?["leading"] ?? 1, (int?)layout?["trailing"] ?? 2);
        }
        return text.ToString();
    }

    private static void Block(StringBuilder text, string kernel, string content, int leading, int trailing) =>
        text.Append("#!").Append(kernel).Append('\n')
            .Append('\n', leading).Append(content).Append('\n', trailing);

    [GeneratedRegex(@"^#!(?<kernel>meta|csharp|fsharp|pwsh|javascript|html|markdown|mermaid|sql|kql|http|value)[ \t]*\n", RegexOptions.Multiline)]
    private static partial Regex CellStart();
}
