using System.Globalization;

namespace CourseKit.Charting;

/// <summary>How numbers are printed on charts, matching the course's printed output.</summary>
internal static class ChartText
{
    /// <summary>Python-style float text: 6 → "6.0", 5.7 → "5.7", 5.65 → "5.65".</summary>
    public static string Score(decimal value)
    {
        var text = (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        return text.Contains('.') ? text : text + ".0";
    }

    /// <summary>A criterion key as a readable label: "engineering_cost" → "Engineering cost".</summary>
    public static string CriterionLabel(string key)
    {
        var text = key.Replace('_', ' ').Trim();
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>An integer as text.</summary>
    public static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A symmetric-enough axis range with room for labels beyond the longest bar.</summary>
    public static double[] RangeWithHeadroom(IEnumerable<double> low, IEnumerable<double> high, double headroom = 0.15)
    {
        var min = Math.Min(0, low.DefaultIfEmpty(0).Min());
        var max = Math.Max(0, high.DefaultIfEmpty(0).Max());
        var span = max - min;
        if (span == 0) span = 1;
        return [min < 0 ? min - span * headroom : 0, max > 0 ? max + span * headroom : 0];
    }
}
