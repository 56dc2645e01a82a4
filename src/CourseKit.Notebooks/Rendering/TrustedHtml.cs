namespace CourseKit.Notebooks.Rendering;

/// <summary>
/// Markup that a page template writes as it is, unencoded. Only code that made the markup itself (Markdig,
/// the highlighter, the kit's scripts) or that deliberately passes a notebook's <c>text/html</c> output through
/// may create one; every other value in a template is a string and is HTML-encoded.
/// </summary>
public sealed record TrustedHtml(string Html)
{
    public override string ToString() => Html;
}
