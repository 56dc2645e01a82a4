using System.Net;
using System.Text;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Pipelines;

namespace CourseKit.Notebooks.Rendering;

/// <summary>
/// A notebook as one readable HTML page: Markdown rendered, C# highlighted, outputs shown, Mermaid
/// drawn as SVG, and charts interactive with plotly.js embedded once — no script from the network.
/// </summary>
public static class NotebookPage
{
    public static string Render(Notebook notebook, string title)
    {
        var body = new StringBuilder();
        var charts = 0;
        foreach (var cell in notebook.Cells)
        {
            var kernel = notebook.KernelOf(cell);
            if (kernel == "markdown")
            {
                body.Append("<section class=\"markdown\">\n").Append(MarkdownHtml.Render(cell.Source)).Append("</section>\n");
                continue;
            }
            if (kernel == "mermaid")
            {
                var source = StripMagic(cell.Source);
                body.Append("<section class=\"mermaid\">\n")
                    .Append(MermaidSvg.TryRender(source) ?? $"<pre class=\"mermaid-source\">{WebUtility.HtmlEncode(source)}</pre>")
                    .Append("\n</section>\n");
                continue;
            }
            var count = (int?)cell.Json["execution_count"];
            body.Append("<section class=\"code-cell\">\n")
                .Append($"<div class=\"prompt\">{(count is null ? "In [ ]" : $"In [{count}]")}</div>\n")
                .Append(MarkdownHtml.CodeBlock(cell.Source, kernel == "csharp" ? "csharp" : kernel));
            foreach (var output in NbformatOutputs.Read(cell.Outputs))
                body.Append(Output(output, ref charts));
            body.Append("</section>\n");
        }

        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<title>{WebUtility.HtmlEncode(title)}</title>\n<style>\n{PageStyle.Css}</style>\n");
        if (charts > 0)
            page.Append("<script>").Append(CourseKit.Charts.ChartHtml.PlotlyJs).Append("</script>\n");
        page.Append("</head>\n<body>\n<main class=\"notebook\">\n").Append(body).Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static string Output(CellOutput output, ref int charts)
    {
        switch (output)
        {
            case CellOutput.Stream stream:
                return $"<pre class=\"output stream {stream.Name}\">{WebUtility.HtmlEncode(stream.Text)}</pre>\n";
            case CellOutput.Error error:
                return $"<pre class=\"output error\"><strong>{WebUtility.HtmlEncode(error.Name)}</strong>: {WebUtility.HtmlEncode(error.Value)}\n{WebUtility.HtmlEncode(string.Join("\n", error.Traceback.Skip(1)))}</pre>\n";
            case CellOutput.Display display when display.Data.TryGetValue(MimeTypes.PlotlyJson, out var figure):
                var id = $"chart-{++charts}";
                return $"<div class=\"output chart\" id=\"{id}\"></div>\n<script>(function(){{var f={figure};" +
                       $"Plotly.newPlot('{id}',f.data,f.layout,{CourseKit.Charts.ChartJson.Config});}})();</script>\n";
            case CellOutput.Display display when display.Data.TryGetValue(MimeTypes.Html, out var html):
                return $"<div class=\"output html\">{html}</div>\n";
            case CellOutput.Display display when display.Data.TryGetValue(MimeTypes.PlainText, out var text):
                return $"<pre class=\"output text\">{WebUtility.HtmlEncode(text)}</pre>\n";
            default:
                return "";
        }
    }

    private static string StripMagic(string source) =>
        source.StartsWith("#!", StringComparison.Ordinal) ? source[(source.IndexOf('\n') + 1)..] : source;
}
