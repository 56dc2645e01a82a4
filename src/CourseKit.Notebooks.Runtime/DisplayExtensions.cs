namespace CourseKit.Notebooks.Runtime;

/// <summary>
/// <c>x.Display()</c>, as Polyglot's formatting namespace provides it. The runner imports this
/// namespace into every notebook; the course library never defines it, so Polyglot sees no ambiguity.
/// </summary>
public static class DisplayExtensions
{
    /// <summary>Set by the worker while a cell runs.</summary>
    public static IDisplaySink? CurrentSink { get; set; }

    public static DisplayedValue Display(this object? value, params string[] mimeTypes)
    {
        var sink = CurrentSink ?? throw new InvalidOperationException("Display() works only while a notebook cell runs.");
        sink.Display(value);
        return new DisplayedValue(value);
    }
}
