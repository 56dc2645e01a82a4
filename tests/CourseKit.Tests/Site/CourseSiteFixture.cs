using CourseKit.Checking.Site;
using CourseKit.Notebooks.Site;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Site;

/// <summary>Builds the course site once, as <c>coursekit site</c> does, into <c>out/site</c> (left there to open and look at).</summary>
public sealed class CourseSiteFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(RepoPaths.Root, "out", "site");

    public SiteReport Report { get; private set; } = null!;

    /// <summary>Every page of the site, relative to its folder with <c>/</c> separators.</summary>
    public IReadOnlyList<string> Pages { get; private set; } = [];

    public string PathOf(string page) => Path.Combine(Folder, page);

    public async Task InitializeAsync()
    {
        Report = await CourseSite.BuildAsync(RepoPaths.Root, Folder, TimeSpan.FromSeconds(60));
        Pages = Directory.EnumerateFiles(Folder, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class CourseSiteCollection : ICollectionFixture<CourseSiteFixture>
{
    public const string Name = "course site";
}
