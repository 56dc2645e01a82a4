using CourseKit.Notebooks.Pipelines;
using CourseKit.Notebooks.Site;

namespace CourseKit.Checking.Site;

/// <summary><c>coursekit site</c>: the course's plan through the site pipeline, with the course's packages and plotly.js.</summary>
public static class CourseSite
{
    public static Task<SiteReport> BuildAsync(string repoRoot, string outFolder, TimeSpan cellTimeLimit,
        Action<NotebookReport>? ran = null, CancellationToken cancel = default) =>
        SitePipeline.BuildAsync(CourseSitePlan.Read(repoRoot), outFolder,
            new SiteRunSettings(cellTimeLimit, CoursePackages.All, CoursePages.Charts) { Ran = ran }, cancel);
}
