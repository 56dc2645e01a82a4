using Microsoft.Data.Analysis;

namespace CourseKit.Data;

/// <summary>Loads and validates the image-generation threads CSV (see data/README.md).</summary>
public static class ImageThreadTable
{
    public static IReadOnlyList<ImageThread> Load(string path, string? displayName = null) =>
        Parse(CsvTable.Read(path, displayName));

    public static IReadOnlyList<ImageThread> Parse(CsvTable table)
    {
        var threads = new List<ImageThread>();
        var names = new UniqueColumn(table, "name", "thread");
        foreach (var row in CsvRowReader.All(table))
        {
            var name = names.Read(row);
            threads.Add(new ImageThread(name,
                row.Score("product_value", 0, 10),
                row.Score("engineering_cost", 0, 10),
                row.Score("stability", 0, 10)));
        }
        return threads;
    }

    public static DataFrame ToDataFrame(IEnumerable<ImageThread> threads)
    {
        var list = threads.ToList();
        return new DataFrame(
            new StringDataFrameColumn("name", list.Select(t => t.Name)),
            new Int32DataFrameColumn("product_value", list.Select(t => t.ProductValue)),
            new Int32DataFrameColumn("engineering_cost", list.Select(t => t.EngineeringCost)),
            new Int32DataFrameColumn("stability", list.Select(t => t.Stability)));
    }
}
