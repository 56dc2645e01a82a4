namespace CourseKit.Notebooks.Site;

/// <summary>
/// Every link between pages must lead to a page of the site and, with a <c>#fragment</c>, to a heading there;
/// otherwise the build stops with every broken link, each naming its page and the link as written.
/// </summary>
public static class LinkCheck
{
    public static void Verify(IReadOnlyList<PageText> pages)
    {
        var ids = pages.ToDictionary(p => p.Page.Source, p => p.Headings.Select(h => h.Id).ToHashSet(StringComparer.Ordinal));
        var problems = new List<string>();
        foreach (var link in pages.SelectMany(p => p.Links))
        {
            if (link.Problem is { } problem)
                problems.Add(problem);
            else if (link.Fragment is { Length: > 0 } fragment && !ids[link.Target!].Contains(fragment))
                problems.Add($"{link.Page}: the link '{link.Url}' points to #{fragment} in {link.Target}, which has no heading with that id.");
        }
        if (problems.Count > 0) throw new SiteException(problems);
    }
}
