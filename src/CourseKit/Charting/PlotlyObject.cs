using Plotly.NET;

namespace CourseKit.Charting;

/// <summary>
/// The low-level layer: Plotly.NET's dynamic objects (<see cref="Trace"/>, <see cref="Layout"/> and
/// plain <see cref="DynamicObj.DynamicObj"/> for nested parts) filled from plain property lists,
/// so every chart in this folder reads like the plotly.js figure reference.
/// A property whose value is null is left out.
/// </summary>
public static class PlotlyObject
{
    /// <summary>A nested plotly.js object, e.g. <c>Of(("range", new[] { 0, 10 }))</c>.</summary>
    public static DynamicObj.DynamicObj Of(params (string Name, object? Value)[] properties) =>
        Fill(new DynamicObj.DynamicObj(), properties);

    /// <summary>A trace of the given plotly.js type, e.g. <c>"scatterpolar"</c> or <c>"bar"</c>.</summary>
    public static Trace Trace(string type, params (string Name, object? Value)[] properties) =>
        Fill(new Trace(type), properties);

    /// <summary>A layout with the given properties.</summary>
    public static Layout Layout(params (string Name, object? Value)[] properties) =>
        Fill(new Layout(), properties);

    /// <summary>A chart from traces and a layout, on Plotly.NET's default template.</summary>
    public static GenericChart Chart(IEnumerable<Trace> traces, Layout layout)
    {
        var chart = GenericChart.ofTraceObjects(true, traces.ToList());
        return GenericChart.setLayout(layout, chart);
    }

    private static T Fill<T>(T target, (string Name, object? Value)[] properties) where T : DynamicObj.DynamicObj
    {
        foreach (var (name, value) in properties)
        {
            if (value is not null)
                target.SetProperty(name, value);
        }
        return target;
    }
}
