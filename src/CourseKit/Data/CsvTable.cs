using System.Text;

namespace CourseKit.Data;

/// <summary>One data row of a CSV file, with the line it starts on.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>A parsed CSV file (RFC 4180: comma separated, double-quoted fields may hold commas and quotes).</summary>
public sealed class CsvTable
{
    private CsvTable(string source, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        Source = source;
        Header = header;
        Rows = rows;
    }

    /// <summary>The name used in error messages, e.g. <c>data/image_generation_threads.csv</c>.</summary>
    public string Source { get; }
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<CsvRow> Rows { get; }

    public static CsvTable Read(string path, string? displayName = null)
    {
        var source = displayName ?? path;
        if (!System.IO.File.Exists(path))
            throw new DataFileException(source, null, null, "the file does not exist.");
        return Parse(System.IO.File.ReadAllText(path), source);
    }

    public static CsvTable Parse(string text, string source)
    {
        var records = Tokenize(text, source);
        if (records.Count == 0)
            throw new DataFileException(source, null, null, "the file is empty; expected a header row and at least one data row.");
        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var rows = records.Skip(1).ToList();
        if (rows.Count == 0)
            throw new DataFileException(source, null, null, "the file has a header but no data rows.");
        foreach (var row in rows)
        {
            if (row.Fields.Count != header.Count)
                throw new DataFileException(source, row.Line, null,
                    $"expected {header.Count} fields ({string.Join(", ", header)}) but found {row.Fields.Count}.");
        }
        return new CsvTable(source, header, rows);
    }

    /// <summary>The index of a required column; the error lists the columns the file has.</summary>
    public int ColumnIndex(string column)
    {
        var index = Header.ToList().IndexOf(column);
        return index >= 0
            ? index
            : throw new DataFileException(Source, 1, column,
                $"the required column is missing; the header has: {string.Join(", ", Header)}.");
    }

    private static List<CsvRow> Tokenize(string text, string source)
    {
        var records = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quoteLine = 0;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (!(fields.Count == 1 && fields[0].Length == 0)) // blank lines are skipped
                records.Add(new CsvRow(recordLine, fields.ToList()));
            fields.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    quoteLine = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (inQuotes)
            throw new DataFileException(source, quoteLine, null, "a quoted field is never closed; expected a closing \".");
        if (field.Length > 0 || fields.Count > 0)
            EndRecord();
        return records;
    }
}
