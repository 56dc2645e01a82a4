using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Site;

/// <summary>How a part of a cell is shown on the site.</summary>
public enum Shown { Visible, Folded, Removed }

/// <summary>
/// The MyST / Jupyter Book cell tags in a cell's <c>metadata.tags</c>: <c>hide-input</c>, <c>hide-output</c> and
/// <c>hide-cell</c> fold that part into a <c>&lt;details&gt;</c>; <c>remove-input</c>, <c>remove-output</c> and
/// <c>remove-cell</c> leave it out. A remove tag wins over a hide tag; other tags are ignored. In a Markdown cell
/// the input is the text, so <c>hide-input</c> folds it as <c>hide-cell</c> does.
/// </summary>
public sealed record CellTags(Shown Cell, Shown Input, Shown Output)
{
    public static readonly CellTags None = new(Shown.Visible, Shown.Visible, Shown.Visible);

    public static CellTags Of(NotebookCell cell)
    {
        var tags = (cell.Metadata["tags"] as JsonArray ?? [])
            .Select(t => t is JsonValue value && value.TryGetValue<string>(out var text) ? text.Trim().ToLowerInvariant() : null)
            .OfType<string>()
            .ToHashSet();
        Shown Part(string part) =>
            tags.Contains("remove-" + part) ? Shown.Removed : tags.Contains("hide-" + part) ? Shown.Folded : Shown.Visible;
        var cellShown = Part("cell");
        if (cell.Type != CellType.Code)
        {
            // A Markdown cell is all input: remove-input drops it, hide-input folds it.
            var text = Part("input");
            cellShown = cellShown == Shown.Removed || text == Shown.Removed ? Shown.Removed
                : cellShown == Shown.Folded || text == Shown.Folded ? Shown.Folded : Shown.Visible;
            return new CellTags(cellShown, Shown.Visible, Shown.Visible);
        }
        return new CellTags(cellShown, Part("input"), Part("output"));
    }
}
