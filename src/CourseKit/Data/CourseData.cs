using System.Reflection;

namespace CourseKit.Data;

/// <summary>
/// The course's own data. The CSV files in <c>data/</c> are compiled into the library, so a notebook
/// gets them with one call wherever it runs; the loaders in this folder read any other file.
/// </summary>
public static class CourseData
{
    public const string SeedTrendsFile = "data/four_dimension_seed.csv";
    public const string CourseTrendsFile = "data/four_dimension_course.csv";
    public const string ImageThreadsFile = "data/image_generation_threads.csv";

    /// <summary>(a) The three trends scored in seed 000: multimodal, small_models, real_time_generation.</summary>
    public static IReadOnlyList<TrendRecord> SeedTrends() => TrendTable.Parse(Embedded(SeedTrendsFile));

    /// <summary>(c) The course's illustrative scores for the seven seed-002 trends and four seed-003 outlooks.</summary>
    public static IReadOnlyList<TrendRecord> CourseTrends() => TrendTable.Parse(Embedded(CourseTrendsFile));

    /// <summary>Every scored trend of the course: seed 000's three, then the course's eleven.</summary>
    public static IReadOnlyList<TrendRecord> AllTrends() => [.. SeedTrends(), .. CourseTrends()];

    /// <summary>The scored trends that come from one source text, e.g. <c>seed-002</c>, in file order.</summary>
    public static IReadOnlyList<TrendRecord> TrendsFrom(string source)
    {
        var all = AllTrends();
        var found = all.Where(t => t.Source == source).ToList();
        return found.Count > 0
            ? found
            : throw new ArgumentException(
                $"No trend comes from '{source}'. Expected one of: {string.Join(", ", all.Select(t => t.Source).Distinct())}.",
                nameof(source));
    }

    /// <summary>One scored trend by its identifier, e.g. <c>efficient_ai</c>.</summary>
    public static TrendRecord Trend(string trend) =>
        AllTrends().FirstOrDefault(t => t.Trend == trend)
        ?? throw new ArgumentException(
            $"There is no trend '{trend}'. Expected one of: {string.Join(", ", AllTrends().Select(t => t.Trend))}.",
            nameof(trend));

    /// <summary>(b) The four seed-001 image-generation threads.</summary>
    public static IReadOnlyList<ImageThread> ImageThreads() => ImageThreadTable.Parse(Embedded(ImageThreadsFile));

    private static CsvTable Embedded(string file)
    {
        var name = Path.GetFileName(file);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new DataFileException(file, null, null, "the library was built without this data file.");
        using var reader = new StreamReader(stream);
        return CsvTable.Parse(reader.ReadToEnd(), file);
    }
}
