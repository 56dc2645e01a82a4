using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Data.Analysis;

namespace CourseKit.Notebooks.Execution;

/// <summary>Renders tabular values — DataFrames and sequences of records — as HTML and plain text.</summary>
public static class HtmlTable
{
    private const int MaxRows = 200;

    public static (string Html, string Text) From(DataFrame frame)
    {
        var headers = frame.Columns.Select(c => c.Name).ToList();
        var rows = Enumerable.Range(0, (int)Math.Min(frame.Rows.Count, MaxRows))
            .Select(i => frame.Rows[i].Select(Format).ToList())
            .ToList();
        return (Html(headers, rows, frame.Rows.Count), Text(headers, rows, frame.Rows.Count));
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

    private static string Html(List<string> headers, List<List<string>> rows, long? total)
    {
        var html = new StringBuilder("<table class=\"coursekit-table\">\n<thead><tr>");
        foreach (var header in headers) html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>");
        if (total is null || total > rows.Count)
            html.Append($"\n<p><em>First {rows.Count} rows of {(total is null ? "more" : total.Value.ToString(CultureInfo.InvariantCulture))}.</em></p>");
        return html.ToString();
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
