using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using CourseKit.Notebooks.Runtime;

namespace CourseKit.Notebooks.Execution;

/// <summary>Renders tabular values — tables a library describes and sequences of records — as HTML and plain text.</summary>
public static class HtmlTable
{
    private const int MaxRows = 200;

    /// <summary>A table a library's display describes (<see cref="DisplayContent.Table"/>): only its first rows are read.</summary>
    public static (string Html, string Text) From(DisplayContent.Table table)
    {
        var headers = table.Columns.ToList();
        var rows = table.Rows.Take(MaxRows).Select(row => row.Select(Format).ToList()).ToList();
        return (Html(headers, rows, table.TotalRows), Text(headers, rows, table.TotalRows));
    }

    /// <summary>A sequence whose elements become rows: public properties are columns, scalars one column.</summary>
    public static (string Html, string Text) From(IEnumerable sequence)
    {
        var items = sequence.Cast<object?>().Take(MaxRows + 1).ToList();
        var total = items.Count > MaxRows ? (long?)null : items.Count;
        items = items.Take(MaxRows).ToList();
        var type = items.FirstOrDefault(i => i is not null)?.GetType();
        var properties = type is null || IsScalar(type)
            ? []
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                .ToArray();
        List<string> headers = properties.Length == 0 ? ["value"] : properties.Select(p => p.Name).ToList();
        var rows = items.Select(item => properties.Length == 0
                ? [Format(item)]
                : properties.Select(p => Format(item is null ? null : p.GetValue(item))).ToList())
            .ToList();
        return (Html(headers, rows, total), Text(headers, rows, total));
    }

    public static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) ||
        type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid);

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => string.Join(", ", e.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    // An element tree encodes every header and cell; the worker formats tables, so this needs no package.
    private static string Html(List<string> headers, List<List<string>> rows, long? total)
    {
        var table = new XElement("table", new XAttribute("class", "coursekit-table"),
            new XElement("thead", new XElement("tr", headers.Select(header => Cell("th", header)))),
            new XElement("tbody", rows.Select(row => new XElement("tr", row.Select(cell => Cell("td", cell))))));
        var html = table.ToString(SaveOptions.DisableFormatting);
        if (total is null || total > rows.Count)
            html += "\n" + new XElement("p", new XElement("em",
                $"First {rows.Count} rows of {(total is null ? "more" : total.Value.ToString(CultureInfo.InvariantCulture))}.")).ToString(SaveOptions.DisableFormatting);
        return html;
    }

    // Never an empty element: <td /> is not a closed cell in HTML.
    private static XElement Cell(string name, string text) => new(name, new XText(XmlSafe(text)));

    // XML cannot carry C0 controls or lone surrogates; they become U+FFFD, as an HTML encoder makes them.
    private static string XmlSafe(string text)
    {
        if (!text.Any(c => (c < ' ' && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')) return text;
        var safe = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
            safe.Append((rune.Value is < 0x20 and not (0x9 or 0xA or 0xD) or 0xFFFE or 0xFFFF ? Rune.ReplacementChar : rune).ToString());
        return safe.ToString();
    }

    private static string Text(List<string> headers, List<List<string>> rows, long? total)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToList();
        var text = new StringBuilder();
        void Line(IEnumerable<string> cells) =>
            text.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        Line(headers);
        Line(widths.Select(w => new string('-', w)));
        foreach (var row in rows) Line(row);
        if (total is null || total > rows.Count)
            text.AppendLine($"(first {rows.Count} rows)");
        return text.ToString().TrimEnd('\n', '\r');
    }
}
