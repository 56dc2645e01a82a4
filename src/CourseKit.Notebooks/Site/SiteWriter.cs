using CourseKit.IO;

namespace CourseKit.Notebooks.Site;

/// <summary>The site as written: its folder, its number of pages and its size on disk.</summary>
public sealed record SiteReport(string Folder, int Pages, long Bytes);

/// <summary>
/// Writes the whole site into a new folder beside the target, then puts it in the target's place, so a failed
/// build never leaves half a site. The target must be new, empty, or a site this command wrote before (it holds
/// <see cref="Marker"/>); any other folder is refused rather than replaced.
/// </summary>
public static class SiteWriter
{
    public const string Marker = ".coursekit-site";

    /// <summary>Refuses a target the site may not replace; the pipeline asks first, before anything runs.</summary>
    public static void CheckTarget(string folder)
    {
        var target = Path.GetFullPath(folder);
        if (File.Exists(target))
            throw new SiteException($"{folder}: this is a file; give a new or empty folder for the site.");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, Marker)))
            throw new SiteException($"{folder}: the folder is not empty and is not a site built by coursekit site; give a new or empty folder.");
    }

    public static SiteReport Write(string folder, IReadOnlyList<SitePage> pages, IReadOnlyDictionary<string, string> assets)
    {
        CheckTarget(folder);
        var target = Path.GetFullPath(folder);
        var parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar))!;
        Directory.CreateDirectory(parent);
        var building = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.building");
        try
        {
            foreach (var page in pages) AtomicFile.WriteAllText(Path.Combine(building, page.Path), page.Html);
            foreach (var (path, text) in assets) AtomicFile.WriteAllText(Path.Combine(building, path), text);
            AtomicFile.WriteAllText(Path.Combine(building, Marker), "Built by coursekit site; the next build replaces this folder.\n");
            var bytes = Directory.EnumerateFiles(building, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(building, target);
            return new SiteReport(target, pages.Count, bytes);
        }
        finally
        {
            if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
        }
    }
}
