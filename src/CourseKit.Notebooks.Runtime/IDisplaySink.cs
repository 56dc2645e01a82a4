namespace CourseKit.Notebooks.Runtime;

/// <summary>Where displayed values go; the runner's worker provides it.</summary>
public interface IDisplaySink
{
    void Display(object? value);
}
