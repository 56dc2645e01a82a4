using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Site;

/// <summary>
/// A link written in a page's Markdown, as the site resolved it: <see cref="Target"/> is the source of the page it
/// leads to (null when it leads nowhere in the site), <see cref="Fragment"/> the heading id after <c>#</c>, and
/// <see cref="Problem"/> why it cannot be followed.
/// </summary>
public sealed record PageLink(string Page, string Url, string? Target, string? Fragment, string? Problem);

/// <summary>
/// Links between the course's files (<c>*.ipynb</c>, <c>*.dib</c>, <c>README.md</c>) become links between the
/// site's pages, relative to the linking page, so the site works from <c>file://</c> and any static host.
/// Links with a scheme (<c>https:</c>, <c>mailto:</c>) are left as written.
/// </summary>
public sealed partial class SiteLinks
{
    private readonly Dictionary<string, PlannedPage> _pages;

    public SiteLinks(SitePlan plan) =>
        _pages = plan.Pages.ToDictionary(p => p.Source, StringComparer.Ordinal);

    /// <summary>The href for <paramref name="url"/> on <paramref name="from"/>, and the link as resolved (null for an external link).</summary>
    public (string Href, PageLink? Link) Resolve(PlannedPage from, string url)
    {
        if (url.Length == 0 || Scheme().IsMatch(url) || url.StartsWith("//", StringComparison.Ordinal))
            return (url, null);
        var hash = url.IndexOf('#');
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        var pathPart = hash < 0 ? url : url[..hash];
        if (pathPart.IndexOf('?') is >= 0 and var query) pathPart = pathPart[..query];
        if (pathPart.Length == 0)
            return (url, new PageLink(from.Source, url, from.Source, fragment, null));

        var resolved = Combine(from.Source, Uri.UnescapeDataString(pathPart));
        if (resolved is null)
            return (url, new PageLink(from.Source, url, null, fragment, $"{from.Source}: the link '{url}' points outside the course folder."));
        if (!_pages.TryGetValue(resolved, out var target))
        {
            var problem = IsNotebook(resolved)
                ? $"{from.Source}: the link '{url}' points to the notebook {resolved}, which is not in the course."
                : $"{from.Source}: the link '{url}' points to {resolved}, which is not a page of the site (notebooks and the learning path's README.md are).";
            return (url, new PageLink(from.Source, url, null, fragment, problem));
        }
        var href = Relative(from.Path, target.Path) + (hash < 0 ? "" : url[hash..]);
        return (href, new PageLink(from.Source, url, target.Source, fragment, null));
    }

    /// <summary>The path from the folder of <paramref name="fromPath"/> to <paramref name="toPath"/>, both site paths.</summary>
    public static string Relative(string fromPath, string toPath)
    {
        var from = fromPath.Split('/')[..^1];
        var to = toPath.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common]) common++;
        return string.Concat(Enumerable.Repeat("../", from.Length - common)) + string.Join('/', to[common..]);
    }

    /// <summary>The prefix that leads from a page back to the site's root folder ("" or "../…").</summary>
    public static string RootOf(string pagePath) => string.Concat(Enumerable.Repeat("../", pagePath.Count(c => c == '/')));

    // A relative path from the folder of a source file, normalised; null when it climbs out of the course folder.
    private static string? Combine(string source, string relative)
    {
        var parts = new List<string>(source.Split('/')[..^1]);
        if (relative.StartsWith('/')) return null;
        foreach (var part in relative.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private static bool IsNotebook(string path) =>
        path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();
}
