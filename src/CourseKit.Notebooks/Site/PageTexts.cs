using System.Text;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Rendering;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CourseKit.Notebooks.Site;

/// <summary>A heading of a page: its level, its (page-unique) id and its text.</summary>
public sealed record Heading(int Level, string Id, string Text);

/// <summary>The text under one heading of a page, for search.</summary>
public sealed record Section(string Anchor, string Heading, string Text);

/// <summary>
/// A page's text, rendered before any notebook runs: the HTML of each Markdown block (null for code and diagrams,
/// and for removed cells), its title (the first level-1 heading), its headings, its search sections and its links.
/// </summary>
public sealed record PageText(PlannedPage Page, string Title, IReadOnlyList<string?> BlockHtml,
    IReadOnlyList<Heading> Headings, IReadOnlyList<Section> Sections, IReadOnlyList<PageLink> Links);

/// <summary>The site's first step: every page's Markdown through Markdig, with links resolved between pages and heading ids unique per page.</summary>
public static class PageTexts
{
    public static IReadOnlyList<PageText> Render(SitePlan plan)
    {
        var links = new SiteLinks(plan);
        return plan.Pages.Select(page => Render(page, links)).ToList();
    }

    private static PageText Render(PlannedPage page, SiteLinks links)
    {
        var builder = new TextBuilder(page, links);
        var html = page.Blocks.Select(block => block switch
        {
            MarkdownBlock markdown => builder.Markdown(markdown.Markdown),
            CellBlock { Index: var i } when MarkdownCell(page, i) is { } cell => builder.Markdown(cell.Source),
            _ => null,
        }).ToList();
        var title = builder.Headings.FirstOrDefault(h => h.Level == 1)?.Text ?? Path.GetFileNameWithoutExtension(page.Source);
        return new PageText(page, title, html, builder.Headings, builder.Sections(), builder.Links);
    }

    // The Markdown cell a block shows, unless its tags remove it.
    private static NotebookCell? MarkdownCell(PlannedPage page, int index)
    {
        var notebook = page.Notebook ?? throw new InvalidOperationException($"{page.Source}: a cell block needs the page's notebook.");
        var cell = notebook.Cells[index];
        return notebook.KernelOf(cell) == "markdown" && CellTags.Of(cell).Cell != Shown.Removed ? cell : null;
    }

    /// <summary>Collects what the Markdown of one page holds, in page order.</summary>
    private sealed class TextBuilder(PlannedPage page, SiteLinks links)
    {
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly List<(string Anchor, string Heading, StringBuilder Text)> _sections = [("", "", new StringBuilder())];

        public List<Heading> Headings { get; } = [];

        public List<PageLink> Links { get; } = [];

        public string Markdown(string markdown) => MarkdownRenderer.Render(markdown, Link, Inspect);

        public IReadOnlyList<Section> Sections() =>
            _sections.Select(s => new Section(s.Anchor, s.Heading, Squash(s.Text.ToString())))
                .Where(s => s.Heading.Length > 0 || s.Text.Length > 0)
                .ToList();

        private string Link(string url)
        {
            var (href, link) = links.Resolve(page, url);
            if (link is not null) Links.Add(link);
            return href;
        }

        private void Inspect(MarkdownDocument document) => Walk(document);

        private void Walk(Block block)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var text = Squash(InlineText(heading.Inline));
                    var attributes = heading.GetAttributes();
                    var id = Unique(attributes.Id is { Length: > 0 } given ? given : "section");
                    attributes.Id = id;
                    Headings.Add(new Heading(heading.Level, id, text));
                    _sections.Add((id, text, new StringBuilder()));
                    break;
                case CodeBlock code:
                    _sections[^1].Text.Append(' ').Append(code.Lines.ToString());
                    break;
                case LeafBlock leaf:
                    _sections[^1].Text.Append(' ').Append(InlineText(leaf.Inline));
                    break;
                case ContainerBlock container:
                    foreach (var child in container) Walk(child);
                    break;
            }
        }

        // Markdig's GitHub-style ids are unique within one cell; a page of many cells needs them unique across it.
        private string Unique(string id)
        {
            var candidate = id;
            for (var n = 1; !_ids.Add(candidate); n++) candidate = $"{id}-{n}";
            return candidate;
        }

        private static string InlineText(ContainerInline? inline)
        {
            if (inline is null) return "";
            var text = new StringBuilder();
            foreach (var child in inline)
            {
                switch (child)
                {
                    case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                    case CodeInline code: text.Append(code.Content); break;
                    case LineBreakInline: text.Append(' '); break;
                    case ContainerInline container: text.Append(InlineText(container)); break;
                }
            }
            return text.ToString();
        }

        private static string Squash(string text) =>
            string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
