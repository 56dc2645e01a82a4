using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Rendering;

/// <summary>
/// A notebook as one readable HTML page (<c>Templates/notebook-page.liquid</c>): Markdown rendered by Markdig,
/// C# highlighted by Roslyn, outputs shown, Mermaid drawn by mermaid.js and charts by plotly.js, each library
/// embedded once and only when the page needs it, so the page opens from disk with no network.
/// </summary>
/// <summary>What a page needs to draw <c>application/vnd.plotly.v1+json</c> outputs itself: plotly.js and its config.</summary>
public sealed record ChartAssets(string PlotlyJs, string Config);

public static class NotebookPage
{
    public sealed record Page(string Title, TrustedHtml Css, TrustedHtml? PlotlyJs, TrustedHtml? MermaidJs, TrustedHtml ChartConfig, IReadOnlyList<Cell> Cells);

    /// <summary>A cell; <see cref="Code"/> is a string (encoded) or, for highlighted C#, <see cref="TrustedHtml"/>.</summary>
    public sealed record Cell(string Kind, TrustedHtml? Markdown, string? Mermaid, string? Prompt, string? Language, object? Code, IReadOnlyList<Output> Outputs);

    /// <summary>An output; <see cref="Html"/> is a notebook's own <c>text/html</c>, shown as Jupyter shows it.</summary>
    public sealed record Output(string Kind, string? Name = null, string? Text = null, string? Traceback = null, TrustedHtml? Script = null, TrustedHtml? Html = null);

    private static readonly HtmlTemplate Template = HtmlTemplate.FromResource(
        typeof(NotebookPage).Assembly, "notebook-page.liquid", typeof(Page), typeof(Cell), typeof(Output));

    // JSON that is safe inside a <script> element: '<', '>' and '&' are written as \u escapes.
    private static readonly JsonSerializerOptions ScriptJson = new() { Encoder = JavaScriptEncoder.Default };

    /// <param name="charts">
    /// plotly.js and its config, from the layer that knows the charting library; without them, a chart shows the
    /// HTML its output carries (the kit's own carries an offline chart).
    /// </param>
    public static string Render(Notebook notebook, string title, ChartAssets? charts = null)
    {
        var cells = new List<Cell>();
        var chartCount = 0;
        foreach (var cell in notebook.Cells)
        {
            var kernel = notebook.KernelOf(cell);
            if (kernel == "markdown")
            {
                cells.Add(new Cell("markdown", new TrustedHtml(MarkdownRenderer.Render(cell.Source)), null, null, null, null, []));
                continue;
            }
            if (kernel == "mermaid")
            {
                cells.Add(new Cell("mermaid", null, StripMagic(cell.Source), null, null, null, []));
                continue;
            }
            var count = (int?)cell.Json["execution_count"];
            var outputs = OutputsOf(cell, charts is not null, ref chartCount);
            cells.Add(new Cell("code", null, null, count is null ? "In [ ]" : $"In [{count}]",
                kernel == "csharp" ? "csharp" : null,
                kernel == "csharp" ? new TrustedHtml(CSharpHtml.Highlight(cell.Source)) : cell.Source,
                outputs));
        }
        return Template.Render(new Page(
            title,
            new TrustedHtml(PageStyle.Css),
            chartCount > 0 ? new TrustedHtml(charts!.PlotlyJs) : null,
            cells.Any(c => c.Kind == "mermaid") ? new TrustedHtml(MermaidJs.Source) : null,
            new TrustedHtml(charts?.Config ?? "{}"),
            cells));
    }

    /// <summary>A code cell's outputs as pages show them; charts are numbered on from <paramref name="charts"/>.</summary>
    public static IReadOnlyList<Output> OutputsOf(NotebookCell cell, bool drawCharts, ref int charts)
    {
        var outputs = new List<Output>();
        foreach (var output in NbformatOutputs.Read(cell.Outputs))
            if (ToOutput(output, drawCharts, ref charts) is { } shown) outputs.Add(shown);
        return outputs;
    }

    private static Output? ToOutput(CellOutput output, bool drawCharts, ref int charts) => output switch
    {
        CellOutput.Stream stream => new Output("stream", stream.Name, stream.Text),
        CellOutput.Error error => new Output("error", error.Name, error.Value, string.Join("\n", error.Traceback.Skip(1))),
        CellOutput.Display display when drawCharts && display.Data.TryGetValue(MimeTypes.PlotlyJson, out var figure) =>
            new Output("chart", $"chart-{++charts}", Script: new TrustedHtml(JsonNode.Parse(figure)!.ToJsonString(ScriptJson))),
        CellOutput.Display display when display.Data.TryGetValue(MimeTypes.Html, out var html) =>
            new Output("html", Html: new TrustedHtml(html)),
        CellOutput.Display display when display.Data.TryGetValue(MimeTypes.PlainText, out var text) =>
            new Output("text", Text: text),
        _ => null,
    };

    /// <summary>A Mermaid cell's diagram text, without its first-line <c>#!mermaid</c> magic.</summary>
    public static string StripMagic(string source) =>
        source.StartsWith("#!", StringComparison.Ordinal) ? source[(source.IndexOf('\n') + 1)..] : source;
}
