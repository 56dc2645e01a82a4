using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Site;

/// <summary>
/// What a static course site holds, before anything is rendered: its title and its pages in reading order
/// (the order of the previous/next links and of the table of contents).
/// </summary>
public sealed record SitePlan(string Title, IReadOnlyList<PlannedPage> Pages);

/// <summary>
/// One page of the site. <see cref="Source"/> is the file it comes from, relative to the course folder with
/// <c>/</c> separators (links in the course are resolved against it); <see cref="Path"/> is the page's own
/// path in the site, ending in <c>.html</c>. <see cref="Level"/> 1 indents the page under the one before it
/// in the table of contents. <see cref="Notebook"/> holds the cells that <see cref="CellBlock"/>s name;
/// <see cref="RunFrom"/>, when set, is the notebook file the site runs to show the cells' outputs.
/// </summary>
public sealed record PlannedPage(string Source, string Path, int Level, IReadOnlyList<SourceBlock> Blocks)
{
    public Notebook? Notebook { get; init; }

    public string? RunFrom { get; init; }

    /// <summary>A page showing a notebook's cells in order.</summary>
    public static PlannedPage FromNotebook(string source, string path, int level, Notebook notebook, string? runFrom = null) =>
        new(source, path, level, notebook.Cells.Select((_, i) => (SourceBlock)new CellBlock(i)).ToList())
        {
            Notebook = notebook,
            RunFrom = runFrom,
        };

    /// <summary>A page of Markdown text (a README).</summary>
    public static PlannedPage FromMarkdown(string source, string path, int level, string markdown) =>
        new(source, path, level, [new MarkdownBlock(markdown)]);
}

/// <summary>A part of a page: a notebook cell, or Markdown the site adds.</summary>
public abstract record SourceBlock;

/// <summary>The cell at <paramref name="Index"/> (0-based) of the page's notebook, shown as its tags say.</summary>
public sealed record CellBlock(int Index) : SourceBlock;

/// <summary>
/// Markdown the site adds to a page; with a <paramref name="Summary"/> it is folded in a <c>&lt;details&gt;</c>
/// under that summary. <paramref name="Class"/> is a CSS class for its box (e.g. <c>note</c>, <c>hint</c>).
/// </summary>
public sealed record MarkdownBlock(string Markdown, string? Summary = null, string? Class = null) : SourceBlock;
