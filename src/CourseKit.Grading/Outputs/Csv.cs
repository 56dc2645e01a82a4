using System.Globalization;
using CsvHelper;

namespace CourseKit.Grading.Outputs;

/// <summary>A CSV file read back: its rows and the delimiter it was written with.</summary>
public sealed record CsvSheet(IReadOnlyList<IReadOnlyList<string>> Rows, char Delimiter)
{
    /// <summary>
    /// Spreadsheets that save with <c>;</c> (the locales whose decimal mark is a comma) write 1.5 as <c>1,5</c>;
    /// a number is read in the convention of the delimiter it came with.
    /// </summary>
    public bool TryReadNumber(string text, out decimal value)
    {
        if (decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out value)) return true;
        return Delimiter == ';' && !text.Contains('.') &&
            decimal.TryParse(text.Replace(',', '.'), Plain, CultureInfo.InvariantCulture, out value);
    }

    // No thousands separators: "1,5" must never read as 15.
    private const NumberStyles Plain = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite |
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
}

/// <summary>
/// Every CSV file grading writes or reads, through CsvHelper: written as RFC 4180 (<c>,</c>, CRLF, quoted when
/// needed) so spreadsheets open the files as they are; read with the separator CsvHelper detects (<c>,</c> or the
/// <c>;</c> of spreadsheets in locales with a decimal comma, also tab or <c>|</c>).
/// </summary>
public static class Csv
{
    public static string Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Padded fields are quoted too, so spreadsheets that trim unquoted whitespace keep a student's text as it was.
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Quoting = CsvQuoting.WhenNeededOrWhitespace }, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                foreach (var field in row) csv.WriteField(field);
                csv.EndRecord();
            }
        }
        return text.ToString();
    }

    /// <summary>The rows of a CSV text; quoted fields may hold separators, quotes and line breaks.</summary>
    public static CsvSheet Read(string text)
    {
        var options = new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false };
        using var csv = CsvReader.FromText(text, options);
        var rows = new List<IReadOnlyList<string>>();
        while (csv.Read())
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList());
        return new CsvSheet(rows, csv.Separator);
    }
    // A spreadsheet runs a cell starting with one of these as a formula; a leading quote makes it text. The quote
    // itself is in the list so that FromFormulaSafe(FormulaSafe(x)) == x for every x.
    private const string FormulaStarts = "=+-@\t\r'";

    /// <summary>Text from students (answers, ids taken from their files' names) as a cell a spreadsheet shows as text, never runs as a formula.</summary>
    public static string FormulaSafe(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>A cell written by <see cref="FormulaSafe"/>, read back as the original text.</summary>
    public static string FromFormulaSafe(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && FormulaStarts.Contains(cell[1]) ? cell[1..] : cell;

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
