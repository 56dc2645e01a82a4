namespace CourseKit.Data;

/// <summary>A column whose values may appear only once; a repeat names both lines.</summary>
public sealed class UniqueColumn(CsvTable table, string column, string noun)
{
    private readonly Dictionary<string, int> _firstLine = [];

    public string Read(CsvRowReader row)
    {
        var value = row.Text(column);
        if (_firstLine.TryGetValue(value, out var earlier))
            throw new DataFileException(table.Source, row.Line, column,
                $"the {noun} '{value}' already appears on line {earlier}; expected each {noun} once.");
        _firstLine[value] = row.Line;
        return value;
    }
}
