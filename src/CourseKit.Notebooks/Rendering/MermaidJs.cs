namespace CourseKit.Notebooks.Rendering;

/// <summary>
/// The mermaid library's single-file browser build, vendored in <c>Vendor/mermaid/</c> (version and how to
/// update it: README) and embedded in this assembly, so pages draw diagrams with no network.
/// </summary>
public static class MermaidJs
{
    public const string Resource = "mermaid.min.js";

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(MermaidJs).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"CourseKit.Notebooks has no resource '{Resource}'.");
        using var reader = new StreamReader(stream);
        var source = reader.ReadToEnd();
        // Inlined in a <script> element, the text must not close it early.
        return source.Contains("</script", StringComparison.OrdinalIgnoreCase)
            ? throw new InvalidOperationException($"{Resource} contains '</script' and cannot be inlined in a page.")
            : source;
    });

    /// <summary>mermaid.min.js (read once, then cached); it defines <c>window.mermaid</c>.</summary>
    public static string Source => Script.Value;
}
