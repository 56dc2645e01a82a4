using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseKit.Notebooks.Rendering;

/// <summary>
/// Markdown cells as HTML through Markdig: CommonMark, pipe tables and GitHub-style heading ids; C# fences
/// are highlighted by <see cref="CSharpHtml"/>, and links to notebooks point at their rendered pages.
/// </summary>
public static partial class MarkdownRenderer
{
    // Raw HTML in Markdown is shown as text, not passed through: Jupyter renders it only after sanitizing, and
    // without a sanitizer a page must not run the markup or scripts a notebook carries.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    public static string Render(string markdown) => ToHtml(markdown, inline: false);

    /// <summary>
    /// Markdown as HTML, each link's (or image's) URL mapped by <paramref name="link"/>; <paramref name="inspect"/>
    /// sees the parsed document before it is written, and may change heading ids.
    /// </summary>
    public static string Render(string markdown, Func<string, string> link, Action<MarkdownDocument> inspect) =>
        ToHtml(markdown, inline: false, link, inspect);

    /// <summary>A one-paragraph text (a hint, a check's message) as inline HTML, without the paragraph around it.</summary>
    public static string RenderInline(string markdown) => ToHtml(markdown, inline: true);

    private static string ToHtml(string markdown, bool inline, Func<string, string>? mapLink = null, Action<MarkdownDocument>? inspect = null)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is not { } url) continue;
            if (mapLink is not null) link.Url = mapLink(url);
            else if (!link.IsImage) link.Url = PageLink(url);
        }
        inspect?.Invoke(document);
        // Fenced and indented code take the page's code-block style; the fence's language-* class goes beside it.
        foreach (var block in document.Descendants<CodeBlock>())
            block.GetAttributes().AddClass("code");
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = inline };
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<CodeBlockRenderer>(new HighlightedCodeBlockRenderer { OutputAttributesOnPre = true });
        renderer.Render(document);
        writer.Flush();
        return inline ? writer.ToString().TrimEnd('\n') : writer.ToString();
    }

    /// <summary>The fence languages that are C#.</summary>
    public static bool IsCSharp(string? language) => language is "csharp" or "cs" or "c#";

    // Links between notebooks point at their rendered pages.
    private static string PageLink(string url) =>
        url.Contains(':', StringComparison.Ordinal) || url.StartsWith('#') ? url : NotebookLink().Replace(url, ".html$1");

    [GeneratedRegex(@"\.(?:ipynb|dib)(#.*)?$")]
    private static partial Regex NotebookLink();

    /// <summary>Markdig's code block, with the body of a C# fence highlighted instead of only encoded.</summary>
    private sealed class HighlightedCodeBlockRenderer : CodeBlockRenderer
    {
        protected override void Write(HtmlRenderer renderer, CodeBlock block)
        {
            if (block is not FencedCodeBlock { Info: var info } || !IsCSharp(info))
            {
                base.Write(renderer, block);
                return;
            }
            renderer.EnsureLine();
            renderer.Write("<pre").WriteAttributes(block).Write("><code>")
                .Write(CSharpHtml.Highlight(block.Lines.ToString()))
                .WriteLine("</code></pre>");
        }
    }
}
