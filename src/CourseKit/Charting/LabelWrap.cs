namespace CourseKit.Charting;

/// <summary>Breaks long labels into lines (plotly.js text uses <c>&lt;br&gt;</c>) so they stay legible in small spaces.</summary>
public static class LabelWrap
{
    /// <summary>Joins words into lines of at most <paramref name="width"/> characters where possible.</summary>
    public static string Wrap(string label, int width = 14)
    {
        ArgumentNullException.ThrowIfNull(label);
        var lines = new List<string>();
        var current = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : current + " " + word;
            }
        }
        if (current.Length > 0)
            lines.Add(current);
        return string.Join("<br>", lines);
    }
}
