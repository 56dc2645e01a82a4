using System.Text;
using CourseKit.Charting;
using CourseKit.IO;

namespace CourseKit.Apps;

/// <summary>
/// Writes an app's charts as offline pages in its folder, <c>&lt;app&gt;.cell&lt;n&gt;.html</c> (and <c>-2</c>, <c>-3</c> …
/// for more charts of one cell). Every page loads plotly.js from one shared file beside them, written once from the
/// copy Plotly.NET ships; nothing is fetched from a network.
/// </summary>
internal sealed class ChartFiles(string folder, string appName)
{
    /// <summary>The shared plotly.js file's name, e.g. <c>plotly-2.28.0.min.js</c>.</summary>
    public static string PlotlyJsFileName { get; } = ChartHtml.PlotlyJsResource["Plotly.NET.".Length..];

    private readonly Dictionary<int, int> _chartsPerCell = [];

    /// <summary>
    /// The folder and name of the running file-based app (the SDK gives its path to the app); for an app built
    /// another way, the current folder and the entry assembly's name.
    /// </summary>
    public static ChartFiles BesideApp()
    {
        var entry = AppContext.GetData("EntryPointFilePath") as string;
        return entry is { Length: > 0 }
            ? new ChartFiles(Path.GetDirectoryName(entry)!, Path.GetFileNameWithoutExtension(entry))
            : new ChartFiles(Directory.GetCurrentDirectory(), System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "app");
    }

    /// <summary>Writes one chart's page and returns its path.</summary>
    public string Write(int cell, string figureJson)
    {
        var count = _chartsPerCell[cell] = _chartsPerCell.GetValueOrDefault(cell) + 1;
        var name = $"{appName}.cell{cell}{(count > 1 ? $"-{count}" : "")}.html";
        var path = Path.Combine(folder, name);
        WritePlotlyJs();
        AtomicFile.WriteAllText(path, ChartHtml.PageLinkingPlotlyJs($"{appName}, cell {cell}", PlotlyJsFileName, figureJson));
        return path;
    }

    private void WritePlotlyJs()
    {
        var path = Path.Combine(folder, PlotlyJsFileName);
        if (File.Exists(path) && new FileInfo(path).Length == Encoding.UTF8.GetByteCount(ChartHtml.PlotlyJs)) return;
        AtomicFile.WriteAllText(path, ChartHtml.PlotlyJs);
    }
}
