using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Rendering;

namespace CourseKit.Notebooks.Site;

/// <summary>A finished page: its path in the site, its HTML, and which shared libraries it loads.</summary>
public sealed record SitePage(string Path, string Title, string Html, bool UsesCharts, bool UsesMermaid);

/// <summary>
/// The site's page layout (<c>Site/Templates/site-page.liquid</c>): a sidebar with search and the table of contents
/// (the current page marked, its headings as in-page links), the page's blocks, and previous/next links. Cells are
/// shown as the kit's notebook pages show them, folded or left out as their tags say; charts and diagrams are drawn
/// by the shared plotly.js and mermaid.js in <c>assets/</c>, which a page loads only when it has some.
/// </summary>
public static class SitePages
{
    public sealed record Model(string SiteTitle, string Title, string Root, string ChartConfig, bool Charts, bool Mermaid,
        IReadOnlyList<TocEntry> Toc, IReadOnlyList<Heading> Headings, IReadOnlyList<BlockModel> Blocks, NavLink? Previous, NavLink? Next);

    public sealed record TocEntry(string Title, string Href, int Level, bool Current);

    public sealed record NavLink(string Title, string Href);

    /// <summary>
    /// One block of a page. <see cref="Summary"/> folds the whole block; for code, <see cref="Code"/> is null when the
    /// input is removed, and <see cref="CodeSummary"/> / <see cref="OutputSummary"/> fold the input / the outputs.
    /// <see cref="Code"/> is a string (encoded) or, for highlighted C#, <see cref="TrustedHtml"/>.
    /// </summary>
    public sealed record BlockModel(string Kind, string? Summary, string? Class, TrustedHtml? Html, string? Text,
        string? Prompt, object? Code, string? Language, string? CodeSummary, IReadOnlyList<NotebookPage.Output> Outputs, string? OutputSummary);

    public const string FoldedCell = "Show code cell";
    public const string FoldedInput = "Show code";
    public const string FoldedOutput = "Show output";
    public const string FoldedText = "Show text";

    private static readonly HtmlTemplate Template = HtmlTemplate.FromResource(typeof(SitePages).Assembly, "site-page.liquid",
        typeof(Model), typeof(TocEntry), typeof(NavLink), typeof(BlockModel), typeof(Heading), typeof(NotebookPage.Output));

    public static IReadOnlyList<SitePage> Compose(SitePlan plan, IReadOnlyList<PageText> texts, ExecutedNotebooks executed, ChartAssets? charts)
    {
        var pages = new List<SitePage>();
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            var page = text.Page;
            var shown = executed.BySource.GetValueOrDefault(page.Source) ?? page.Notebook;
            if (shown is not null && page.Notebook is not null && shown.Cells.Count != page.Notebook.Cells.Count)
                throw new SiteException($"{page.Source}: the run gave {shown.Cells.Count} cells for the notebook's {page.Notebook.Cells.Count}.");
            var chartCount = 0;
            var blocks = new List<BlockModel>();
            for (var b = 0; b < page.Blocks.Count; b++)
            {
                if (Block(page, page.Blocks[b], text.BlockHtml[b], shown, charts is not null, ref chartCount) is { } block)
                    blocks.Add(block);
            }
            var root = SiteLinks.RootOf(page.Path);
            var model = new Model(plan.Title, text.Title, root, charts?.Config ?? "{}", chartCount > 0, blocks.Any(x => x.Kind == "mermaid"),
                texts.Select(t => new TocEntry(t.Title, SiteLinks.Relative(page.Path, t.Page.Path), t.Page.Level, ReferenceEquals(t.Page, page))).ToList(),
                text.Headings.Where(h => h.Level is 2 or 3).ToList(),
                blocks,
                i > 0 ? new NavLink(texts[i - 1].Title, SiteLinks.Relative(page.Path, texts[i - 1].Page.Path)) : null,
                i + 1 < texts.Count ? new NavLink(texts[i + 1].Title, SiteLinks.Relative(page.Path, texts[i + 1].Page.Path)) : null);
            pages.Add(new SitePage(page.Path, text.Title, Template.Render(model), model.Charts, model.Mermaid));
        }
        return pages;
    }

    private static BlockModel? Block(PlannedPage page, SourceBlock block, string? html, Notebook? shown, bool drawCharts, ref int charts)
    {
        if (block is MarkdownBlock markdown)
            return Text(markdown.Summary, markdown.Class, html!);
        var index = ((CellBlock)block).Index;
        var notebook = page.Notebook!;
        var cell = notebook.Cells[index];
        var tags = CellTags.Of(cell);
        if (tags.Cell == Shown.Removed) return null;
        var folded = tags.Cell == Shown.Folded;
        var kernel = notebook.KernelOf(cell);
        if (kernel == "markdown")
            return Text(folded ? FoldedText : null, null, html!);
        if (cell.Type != CellType.Code)
            return null;
        if (kernel == "mermaid")
            return new BlockModel("mermaid", folded ? FoldedCell : null, null, null, NotebookPage.StripMagic(cell.Source), null, null, null, null, [], null);

        var ran = shown!.Cells[index];
        var outputs = tags.Output == Shown.Removed ? [] : NotebookPage.OutputsOf(ran, drawCharts, ref charts);
        var code = tags.Input == Shown.Removed ? null
            : kernel == "csharp" ? new TrustedHtml(CSharpHtml.Highlight(cell.Source)) : (object)cell.Source;
        if (code is null && outputs.Count == 0) return null;
        return new BlockModel("code", folded ? FoldedCell : null, null, null, null,
            ran.ExecutionCount is { } count ? $"In [{count}]" : null, code, kernel == "csharp" ? "csharp" : null,
            tags.Input == Shown.Folded ? FoldedInput : null, outputs, tags.Output == Shown.Folded ? FoldedOutput : null);
    }

    private static BlockModel Text(string? summary, string? cssClass, string html) =>
        new("markdown", summary, cssClass, new TrustedHtml(html), null, null, null, null, null, [], null);
}
