using System.Globalization;
using System.Text;

namespace CourseKit.Grading.Outputs;

/// <summary>RFC 4180 CSV: fields quoted when needed, CRLF line ends, so spreadsheets open the files as they are.</summary>
public static class Csv
{
    public static string Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        return text.ToString();
    }

    public static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;

    // A spreadsheet runs a cell starting with one of these as a formula; a leading quote makes it text. The quote
    // itself is in the list so that FromText(Text(x)) == x for every x.
    private const string FormulaStarts = "=+-@\t\r'";

    /// <summary>Text from students (answers, ids taken from their files' names) as a cell a spreadsheet shows as text, never runs as a formula.</summary>
    public static string Text(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>A cell written by <see cref="Text"/>, read back as the original text.</summary>
    public static string FromText(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && FormulaStarts.Contains(cell[1]) ? cell[1..] : cell;

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The rows of a CSV text (quoted fields may hold commas, quotes and line breaks).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Read(string text)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear();
                rows.Add(row);
                row = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }
}
