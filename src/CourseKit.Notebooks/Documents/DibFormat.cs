using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace CourseKit.Notebooks.Documents;

/// <summary>
/// Polyglot's plain-text format: an optional <c>#!meta</c> block of JSON, then cells, each opened by a line
/// <c>#!kernel</c> naming a kernel or alias, standard or declared in the <c>#!meta</c> block. Polyglot's own parser
/// (Microsoft.DotNet.Interactive.Documents) decides the cells and their kernels, so the kit reads a .dib exactly as
/// VS Code does: a <c>#!</c> line naming no kernel (a magic command such as <c>#!time</c>) stays in its cell, lines
/// before the first marker form a cell of the default kernel, and a marker with nothing under it is no cell.
/// The kit then finds each cell's text in the file and keeps the text between cells, so an unchanged notebook
/// rewrites to the same bytes. Cells are held in the same JSON shape as .ipynb.
/// </summary>
internal static class DibFormat
{
    private const string Marker = "#!";

    public static Notebook Parse(string text, string path)
    {
        if (text.Trim().Length == 0)
            throw new NotebookFormatException(path, "the file is empty; expected a .dib notebook.");
        var normalized = text.Replace("\r\n", "\n");

        InteractiveDocument document;
        try
        {
            document = CodeSubmission.Parse(normalized, KernelResolver.StandardKernelInfos());
        }
        catch (JsonException error)
        {
            throw new NotebookFormatException(path, $"the #!meta block is not valid JSON ({error.Message.Split('.')[0]}).");
        }
        catch (ArgumentException error)
        {
            throw new NotebookFormatException(path, $"the #!meta block's kernelInfo is not usable: {error.Message}");
        }

        var lines = normalized.Split('\n');
        var metadata = ReadMeta(lines, path, out var metaLines);
        var starts = new int[lines.Length + 1];
        for (var i = 0; i < lines.Length; i++) starts[i + 1] = starts[i] + lines[i].Length + 1;

        var cells = new JsonArray();
        var end = 0; // where the previous cell's text ended, in characters
        var nextLine = 0;
        foreach (var element in document.Elements)
        {
            var content = element.Contents;
            int from, to;
            if (content.Length == 0)
            {
                // Polyglot's one empty cell for a file with no cell text: the whole file is its layout.
                (from, to) = (normalized.Length, normalized.Length);
            }
            else
            {
                var first = Find(lines, content.Split('\n'), nextLine, metaLines)
                    ?? throw new NotebookFormatException(path, $"cell {cells.Count + 1} could not be found in the file's text.");
                var count = content.Count(c => c == '\n') + 1;
                (from, to) = (starts[first], starts[first + count - 1] + lines[first + count - 1].Length);
                nextLine = first + count;
            }
            var kernel = element.KernelName ?? "csharp";
            cells.Add(new JsonObject
            {
                ["cell_type"] = kernel == "markdown" ? "markdown" : "code",
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel } },
                ["source"] = content,
                ["outputs"] = new JsonArray(),
                ["execution_count"] = null,
                ["dib"] = new JsonObject { ["before"] = normalized[end..from] },
            });
            end = to;
        }
        var root = new JsonObject { ["metadata"] = metadata, ["cells"] = cells, ["nbformat"] = 4, ["nbformat_minor"] = 5 };
        return new Notebook(NotebookFormat.Dib, root, new TextLayout(null, normalized[end..]));
    }

    public static string Serialize(Notebook notebook)
    {
        var text = new StringBuilder();
        foreach (var cell in notebook.Cells)
        {
            if ((string?)cell.Json["dib"]?["before"] is { } before)
                text.Append(before);
            else
                text.Append(text.Length == 0 ? "" : "\n\n").Append(Marker).Append(notebook.KernelOf(cell)).Append("\n\n");
            text.Append(cell.Source);
        }
        return text.Append(notebook.Layout.DibTail ?? "\n").ToString();
    }

    // The first line of the cell's text at or after `from`, skipping the #!meta block, which Polyglot reads
    // from its first "#!meta" line to the next "#!" line. Between cells there are only blank lines, markers
    // and that block, none of which can start a cell's text, so the first match is the cell.
    private static int? Find(string[] lines, string[] cell, int from, (int First, int End) meta)
    {
        for (var i = from; i + cell.Length <= lines.Length; i++)
        {
            if (i > meta.First && i < meta.End) continue;
            var match = true;
            for (var j = 0; j < cell.Length && match; j++)
                match = lines[i + j] == cell[j];
            if (match) return i;
        }
        return null;
    }

    private static JsonObject ReadMeta(string[] lines, string path, out (int First, int End) span)
    {
        var first = Array.FindIndex(lines, l => l.StartsWith(Marker + "meta", StringComparison.Ordinal));
        if (first < 0)
        {
            span = (-1, -1);
            return [];
        }
        var end = first + 1;
        while (end < lines.Length && !lines[end].StartsWith(Marker, StringComparison.Ordinal)) end++;
        span = (first, end);
        var json = string.Join('\n', lines[(first + 1)..end]);
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new NotebookFormatException(path, "the #!meta block is not a JSON object.");
        }
        catch (JsonException error)
        {
            throw new NotebookFormatException(path, $"the #!meta block is not valid JSON ({error.Message.Split('.')[0]}).");
        }
    }
}
