using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Documents;

/// <summary>
/// Serializes a JSON tree the way Jupyter and VS Code do. System.Text.Json's writer is not used because
/// even its relaxed encoder escapes characters (emoji, some symbols) that those tools write verbatim,
/// and it writes <c>\u001B</c> where they write <c>\u001b</c>.
/// </summary>
internal static class NotebookJsonWriter
{
    public static string Write(JsonNode? root, JsonLayout layout)
    {
        var builder = new StringBuilder();
        WriteNode(builder, root, layout, depth: 0);
        if (layout.TrailingNewLine)
        {
            builder.Append(layout.NewLine);
        }

        return builder.ToString();
    }

    private static void WriteNode(StringBuilder builder, JsonNode? node, JsonLayout layout, int depth)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                WriteContainer(builder, '{', '}', obj, layout, depth, (member, d) =>
                {
                    WriteString(builder, member.Key, layout);
                    builder.Append(layout.KeySeparator);
                    WriteNode(builder, member.Value, layout, d);
                });
                break;
            case JsonArray array:
                WriteContainer(builder, '[', ']', array, layout, depth, (item, d) => WriteNode(builder, item, layout, d));
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                WriteString(builder, value.GetValue<string>(), layout);
                break;
            default:
                // Numbers keep the exact text they were parsed from.
                builder.Append(node.ToJsonString());
                break;
        }
    }

    private static void WriteContainer<T>(
        StringBuilder builder, char open, char close, ICollection<T> items, JsonLayout layout, int depth, Action<T, int> writeItem)
    {
        builder.Append(open);
        if (items.Count == 0)
        {
            builder.Append(close);
            return;
        }

        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                builder.Append(layout.Indent is null ? layout.ItemSeparator : ",");
            }

            NewLineAndIndent(builder, layout, depth + 1);
            writeItem(item, depth + 1);
            first = false;
        }

        NewLineAndIndent(builder, layout, depth);
        builder.Append(close);
    }

    private static void NewLineAndIndent(StringBuilder builder, JsonLayout layout, int depth)
    {
        if (layout.Indent is null)
        {
            return;
        }

        builder.Append(layout.NewLine);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(layout.Indent);
        }
    }

    private static void WriteString(StringBuilder builder, string text, JsonLayout layout)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && !layout.EscapeNonAscii)
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (c < 0x20 || char.IsSurrogate(c) || (layout.EscapeNonAscii && c > 0x7E))
                    {
                        // Lowercase hex, as Python's json and JavaScript's JSON.stringify write it.
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
