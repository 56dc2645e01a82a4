namespace CourseKit.Notebooks.Execution;

public static class MimeTypes
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string Markdown = "text/markdown";
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    public static bool IsJson(string mimeType) => mimeType.EndsWith("json", StringComparison.Ordinal);
}
