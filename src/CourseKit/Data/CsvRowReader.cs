using System.Globalization;

namespace CourseKit.Data;

/// <summary>Typed, validated access to the fields of one row; every error names file, line and column.</summary>
public sealed class CsvRowReader(CsvTable table, CsvRow row)
{
    public int Line => row.Line;

    public string Text(string column)
    {
        var value = row.Fields[table.ColumnIndex(column)].Trim();
        return value.Length > 0
            ? value
            : throw new DataFileException(table.Source, row.Line, column, "expected a value but the field is empty.");
    }

    public int Score(string column, int min, int max)
    {
        var raw = row.Fields[table.ColumnIndex(column)].Trim();
        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw new DataFileException(table.Source, row.Line, column,
                $"expected a whole number from {min} to {max} but found '{raw}'.");
        if (value < min || value > max)
            throw new DataFileException(table.Source, row.Line, column,
                $"expected a whole number from {min} to {max} but found {value}, which is out of range.");
        return value;
    }

    public static IEnumerable<CsvRowReader> All(CsvTable table) => table.Rows.Select(r => new CsvRowReader(table, r));
}
