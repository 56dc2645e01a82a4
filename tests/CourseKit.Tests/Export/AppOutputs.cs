using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Tests.Export;

/// <summary>What one C# cell showed as text: in <c>coursekit run</c>'s executed notebook, or in an exported app's console.</summary>
public sealed record CellText(string Stdout, string Stderr, IReadOnlyList<string> Charts);

/// <summary>Reads the text a notebook shows, cell by cell, from both sides of the comparison.</summary>
public static partial class AppOutputs
{
    /// <summary>
    /// The executed notebook's C# cells by number: Console text (stdout) with each display's text/plain and a line end
    /// after it, as the app prints them; stderr; and each chart's figure JSON. Error outputs are not text an app can
    /// match; the course runs clean, so a cell with one fails the comparison.
    /// </summary>
    public static IReadOnlyDictionary<int, CellText> FromExecuted(Notebook executed)
    {
        var cells = new Dictionary<int, CellText>();
        for (var i = 0; i < executed.Cells.Count; i++)
        {
            var cell = executed.Cells[i];
            if (cell.Type != CellType.Code || executed.KernelOf(cell) != "csharp") continue;
            string stdout = "", stderr = "";
            var charts = new List<string>();
            foreach (var output in cell.Outputs.OfType<JsonObject>())
            {
                switch ((string?)output["output_type"])
                {
                    case "stream" when (string?)output["name"] == "stderr":
                        stderr += Text(output["text"]);
                        break;
                    case "stream":
                        stdout += Text(output["text"]);
                        break;
                    case "display_data" or "execute_result":
                        stdout += Text(output["data"]?["text/plain"]) + "\n";
                        if (output["data"]?["application/vnd.plotly.v1+json"] is { } figure) charts.Add(figure.ToJsonString());
                        break;
                    default:
                        stdout += $"<{output["output_type"]}: {output["ename"]}: {output["evalue"]}>";
                        break;
                }
            }
            cells[i + 1] = new CellText(stdout, stderr, charts);
        }
        return cells;
    }

    /// <summary>
    /// The app's console by cell, split at the markers the app writes with cell markers on; the chart notes on stderr
    /// ("(chart of cell N: path)") become the cell's chart pages and the rest of stderr stays with the app as a whole.
    /// </summary>
    public static (IReadOnlyDictionary<int, CellText> Cells, IReadOnlyList<int> Order, string Preamble, string OtherStderr) FromApp(string stdout, string stderr)
    {
        var parts = Marker().Split(stdout);
        var notes = ChartNote().Matches(stderr).ToList();
        var cells = new Dictionary<int, CellText>();
        var order = new List<int>();
        for (var i = 1; i + 1 < parts.Length; i += 2)
        {
            var number = int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
            order.Add(number);
            var charts = notes.Where(n => n.Groups["cell"].Value == parts[i]).Select(n => n.Groups["page"].Value).ToList();
            cells[number] = new CellText(parts[i + 1], "", charts);
        }
        return (cells, order, parts[0], ChartNote().Replace(stderr, ""));
    }

    /// <summary>The figure a chart page draws, as JSON.</summary>
    public static JsonNode? FigureOf(string page) =>
        FigureLine().Match(File.ReadAllText(page)) is { Success: true } match ? JsonNode.Parse(match.Groups["json"].Value) : null;

    /// <summary>Every script a page loads from a file or address.</summary>
    public static IReadOnlyList<string> ScriptSources(string page) =>
        ScriptSource().Matches(File.ReadAllText(page)).Select(m => m.Groups["src"].Value).ToList();

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? "",
        _ => "",
    };

    [GeneratedRegex("\u001e(\\d+)\u001e\n")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\(chart of cell (?<cell>\d+): (?<page>[^)\n]+)\)\n")]
    private static partial Regex ChartNote();

    [GeneratedRegex(@"^[ \t]*var figure = (?<json>.*);$", RegexOptions.Multiline)]
    private static partial Regex FigureLine();

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<src>[^\"]*)\"")]
    private static partial Regex ScriptSource();
}
