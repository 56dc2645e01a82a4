namespace CourseKit.Notebooks.Runtime;

/// <summary>The globals a notebook cell sees, matching the Polyglot C# kernel's <c>display</c>.</summary>
public sealed class ScriptGlobals(IDisplaySink sink)
{
    /// <summary>Shows a value as a cell output, as Polyglot's <c>display(x)</c> does.</summary>
#pragma warning disable IDE1006 // the Polyglot kernel spells it in lower case
    public DisplayedValue display(object? value, params string[] mimeTypes)
#pragma warning restore IDE1006
    {
        sink.Display(value);
        return new DisplayedValue(value);
    }
}
