using CourseKit.Notebooks.Rendering;

namespace CourseKit.Notebooks.Site;

/// <summary>
/// The files every page shares, under <c>assets/</c>: the stylesheet and script of the site, the search index, and one
/// copy each of plotly.js and mermaid.js (with mermaid's licence) when some page draws charts or diagrams.
/// </summary>
public static class SiteAssets
{
    public const string Folder = "assets";

    public static IReadOnlyDictionary<string, string> For(IReadOnlyList<SitePage> pages, SearchIndex.Index index, ChartAssets? charts)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{Folder}/site.css"] = Resource("site.css"),
            [$"{Folder}/site.js"] = Resource("site.js"),
            [$"{Folder}/search-index.js"] = SearchIndex.Script(index),
        };
        if (charts is not null && pages.Any(p => p.UsesCharts))
            files[$"{Folder}/plotly.min.js"] = charts.PlotlyJs;
        if (pages.Any(p => p.UsesMermaid))
        {
            files[$"{Folder}/mermaid.min.js"] = MermaidJs.Source;
            files[$"{Folder}/mermaid.LICENSE.txt"] = Resource("mermaid.LICENSE");
        }
        return files;
    }

    private static string Resource(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"CourseKit.Notebooks has no resource '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
