using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Runtime;

namespace CourseKit.Apps;

/// <summary>
/// Shows displayed values on the console: their <c>text/plain</c> form, exactly as <c>coursekit run</c> puts it in the
/// executed notebook, one line after it. A chart is also written as an offline page named by its cell, and where it
/// went is said on stderr, so that stdout stays what the notebook shows.
/// </summary>
internal sealed class ConsoleDisplay(ChartFiles charts) : IDisplaySink
{
    private readonly ValueFormatter _formatter = new();

    /// <summary>The notebook cell that runs now.</summary>
    public int Cell { get; set; }

    public void Display(object? value)
    {
        var data = _formatter.Format(value);
        if (data.TryGetValue(MimeTypes.PlotlyJson, out var figure))
        {
            try
            {
                Console.Error.WriteLine($"(chart of cell {Cell}: {charts.Write(Cell, figure)})");
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // A folder the app cannot write to costs the page, not the run.
                Console.Error.WriteLine($"(chart of cell {Cell} not written: {error.Message})");
            }
        }
        Console.Out.WriteLine(data.TryGetValue(MimeTypes.PlainText, out var text) ? text : value?.ToString() ?? "<null>");
    }
}
