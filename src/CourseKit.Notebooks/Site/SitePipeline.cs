namespace CourseKit.Notebooks.Site;

/// <summary>
/// A static course site from a plan, in small steps: check the target folder → render every page's text (Markdown, headings, links) →
/// check every link between pages → run the notebooks for their outputs → lay out each page → build the search
/// index → write the site with its shared assets. Bad input stops the build with a <see cref="SiteException"/>
/// naming the page; links are checked before anything runs.
/// </summary>
public static class SitePipeline
{
    public static async Task<SiteReport> BuildAsync(SitePlan plan, string outFolder, SiteRunSettings settings, CancellationToken cancel = default)
    {
        SiteWriter.CheckTarget(outFolder);
        var texts = PageTexts.Render(plan);
        LinkCheck.Verify(texts);
        var executed = await SiteExecution.RunAsync(plan, settings, cancel);
        var pages = SitePages.Compose(plan, texts, executed, settings.Charts);
        var index = SearchIndex.Build(texts);
        return SiteWriter.Write(outFolder, pages, SiteAssets.For(pages, index, settings.Charts));
    }
}
