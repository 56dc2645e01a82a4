namespace CourseKit.Notebooks.Runtime;

/// <summary>
/// What <c>display(x)</c> and <c>x.Display()</c> return, as in Polyglot. The runner does not display it
/// again when it is a cell's last expression.
/// </summary>
public sealed class DisplayedValue
{
    public DisplayedValue(object? value) => Value = value;

    public object? Value { get; }

    public override string ToString() => "";
}
