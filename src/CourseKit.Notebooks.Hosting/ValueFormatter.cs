using System.Collections;
using System.Runtime.Loader;
using CourseKit.Notebooks.Runtime;

namespace CourseKit.Notebooks.Execution;

/// <summary>Chooses the mime bundle a displayed value becomes, for one notebook.</summary>
/// <param name="notebook">The notebook's own load context: displays loaded there, or by the worker itself, count; another notebook's never do.</param>
public sealed class ValueFormatter(AssemblyLoadContext? notebook = null)
{
    private readonly Dictionary<Type, IValueDisplay> _displays = [];

    /// <summary>
    /// First the libraries' own displays (<see cref="IValueDisplay"/>, e.g. the course library's charts and
    /// DataFrames), in the order their assemblies loaded; then sequences as HTML tables with a text fallback;
    /// anything else as text/plain.
    /// </summary>
    public IReadOnlyDictionary<string, string> Format(object? value)
    {
        if (value is not null)
        {
            foreach (var display in Displays())
            {
                switch (display.Show(value))
                {
                    case DisplayContent.Mime mime:
                        return mime.Data;
                    case DisplayContent.Table table:
                        return Table(HtmlTable.From(table));
                }
            }
        }
        return value switch
        {
            string text => Text(text),
            IEnumerable sequence and not IDictionary => Table(HtmlTable.From(sequence)),
            _ => Text(value?.ToString() ?? "<null>"),
        };
    }

    // One instance per notebook of every display found so far: a display may keep per-notebook state (plotly.js sent).
    private IEnumerable<IValueDisplay> Displays()
    {
        foreach (var type in ValueDisplays.Found)
        {
            var context = AssemblyLoadContext.GetLoadContext(type.Assembly);
            if (context != AssemblyLoadContext.Default && context != notebook) continue;
            if (!_displays.TryGetValue(type, out var display))
                _displays[type] = display = (IValueDisplay)Activator.CreateInstance(type, nonPublic: true)!;
            yield return display;
        }
    }

    private static Dictionary<string, string> Table((string Html, string Text) table) =>
        new() { [MimeTypes.Html] = table.Html, [MimeTypes.PlainText] = table.Text };

    private static Dictionary<string, string> Text(string text) => new() { [MimeTypes.PlainText] = text };
}
