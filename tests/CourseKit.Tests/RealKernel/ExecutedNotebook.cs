using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CourseKit.Tests.RealKernel;

/// <summary>What one output of an executed notebook shows, reduced to what both engines can be compared on.</summary>
public abstract record Shown
{
    /// <summary>Console text; consecutive outputs of the same stream are joined, line ends are \n.</summary>
    public sealed record Stream(string Name, string Text) : Shown;

    /// <summary>A Plotly figure: its traces and layout as JSON.</summary>
    public sealed record Chart(JsonNode Data, JsonNode? Layout) : Shown;

    /// <summary>An HTML table (a DataFrame or a sequence of records): its readable text and the text of each data cell.</summary>
    public sealed record Table(string Text, IReadOnlyList<string> Cells) : Shown;

    /// <summary>A value shown as text: text/plain, or the text of a plain HTML rendering.</summary>
    public sealed record Value(string Text) : Shown;

    public sealed record Error(string Name, string Message) : Shown;

    /// <summary>Anything else, named by what it is (e.g. a Mermaid widget).</summary>
    public sealed record Other(string What) : Shown;
}

/// <summary>
/// An executed .ipynb as written by nbconvert (the real kernel) or by <c>coursekit run</c>, read with
/// System.Text.Json only, so it judges both engines' files the same way.
/// </summary>
public sealed partial class ExecutedNotebook
{
    private readonly JsonArray _cells;

    public ExecutedNotebook(string path)
    {
        Path = path;
        _cells = JsonNode.Parse(File.ReadAllText(path))?["cells"] as JsonArray
            ?? throw new InvalidDataException($"{path}: no cells array.");
    }

    public string Path { get; }

    /// <summary>Cell numbers count every cell, 1-based, as the notebook shows them.</summary>
    public IEnumerable<(int Number, JsonObject Cell)> CodeCells =>
        _cells.Select((c, i) => (Number: i + 1, Cell: c!.AsObject())).Where(c => (string?)c.Cell["cell_type"] == "code");

    public static string SourceOf(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        var text => (string?)text ?? "",
    };

    public static string? KernelOf(JsonObject cell) =>
        (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"] ?? (string?)cell["metadata"]?["dotnet_interactive"]?["language"];

    /// <summary>The first code cell: it loads packages, and each engine reports that differently.</summary>
    public int SetupCellNumber => CodeCells.First().Number;

    /// <summary>What the cell showed, in order, with consecutive same-stream outputs joined.</summary>
    public IReadOnlyList<Shown> ShownBy(int number)
    {
        var shown = new List<Shown>();
        foreach (var output in _cells[number - 1]!["outputs"] as JsonArray ?? [])
        {
            var item = Read(output!.AsObject());
            if (item is Shown.Stream stream && shown.Count > 0 && shown[^1] is Shown.Stream last && last.Name == stream.Name)
                shown[^1] = last with { Text = last.Text + stream.Text };
            else
                shown.Add(item);
        }
        return shown;
    }

    /// <summary>Every error output, every stderr text (compiler warnings come that way in .NET Interactive) of the notebook.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (number, _) in CodeCells)
        {
            foreach (var item in ShownBy(number))
            {
                if (item is Shown.Error error)
                    problems.Add($"cell {number}: {error.Name}: {FirstLine(error.Message)}");
                else if (item is Shown.Stream { Name: "stderr" } stderr && stderr.Text.Trim().Length > 0)
                    problems.Add($"cell {number} wrote to stderr: {FirstLine(stderr.Text.Trim())}");
            }
        }
        return problems;
    }

    public IEnumerable<(int Number, Shown.Chart Chart)> Charts() =>
        CodeCells.SelectMany(c => ShownBy(c.Number).OfType<Shown.Chart>().Select(chart => (c.Number, chart)));

    public string StreamText() => string.Concat(CodeCells.SelectMany(c => ShownBy(c.Number)).OfType<Shown.Stream>().Select(s => s.Text));

    private static Shown Read(JsonObject output)
    {
        switch ((string?)output["output_type"])
        {
            case "stream":
                return new Shown.Stream((string?)output["name"] ?? "", Lines(output["text"]));
            case "error":
                return new Shown.Error((string?)output["ename"] ?? "", (string?)output["evalue"] ?? "");
        }
        var data = output["data"] as JsonObject ?? [];
        var html = data["text/html"] is { } h ? Lines(h) : null;
        var plain = data["text/plain"] is { } p ? Lines(p) : null;

        if (data["application/vnd.plotly.v1+json"] is JsonObject figure)
            return new Shown.Chart(figure["data"]!.DeepClone(), figure["layout"]?.DeepClone());
        if (html is not null && html.Contains("Plotly.newPlot", StringComparison.Ordinal))
            return PlotlyNetInteractiveChart(html);
        if (html is not null && html.Contains("<table", StringComparison.Ordinal))
            return new Shown.Table(TextOf(html), DataCell().Matches(html).Select(m => TextOf(m.Groups[1].Value)).ToList());
        if (html is not null && html.Contains("mermaidMarkdownContainer", StringComparison.Ordinal))
            return new Shown.Other("a Mermaid diagram");
        if (plain is not null)
            return new Shown.Value(plain);
        if (html is not null)
            return new Shown.Value(TextOf(html));
        return new Shown.Other("an output with " + string.Join(", ", data.Select(d => d.Key)));
    }

    /// <summary>Plotly.NET.Interactive writes the figure into its script as <c>var data = …;</c> and <c>var layout = …;</c> lines.</summary>
    private static Shown PlotlyNetInteractiveChart(string html)
    {
        var data = DataLine().Match(html);
        var layout = LayoutLine().Match(html);
        return data.Success
            ? new Shown.Chart(JsonNode.Parse(data.Groups[1].Value)!, layout.Success ? JsonNode.Parse(layout.Groups[1].Value) : null)
            : new Shown.Other("a Plotly chart whose data could not be read");
    }

    /// <summary>An nbformat multiline string (a list of lines or one string) as one text with \n line ends.</summary>
    public static string Lines(JsonNode? node) => (node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    }).ReplaceLineEndings("\n");

    /// <summary>The visible text of an HTML fragment, whitespace collapsed.</summary>
    public static string TextOf(string html)
    {
        var noScripts = ScriptOrStyle().Replace(html, " ");
        var text = WebUtility.HtmlDecode(Tag().Replace(noScripts, " "));
        return Whitespace().Replace(text, " ").Trim();
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    [GeneratedRegex(@"var data = (.*);\n")]
    private static partial Regex DataLine();

    [GeneratedRegex(@"var layout = (.*);\n")]
    private static partial Regex LayoutLine();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<td\b[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex DataCell();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
