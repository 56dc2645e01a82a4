using System.Net;
using System.Text.RegularExpressions;
using CourseKit.Checking.Cells;
using CourseKit.Checking.Release;
using CourseKit.Exercises.Hidden;
using CourseKit.Notebooks.Documents;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Site;

/// <summary>
/// The built course site read as files: every link and anchor resolves, plotly.js and mermaid.js are shared files
/// (not in pages), the site stays small, and no instructor-only line of <c>exercises/source</c> reaches it.
/// </summary>
[Trait("Category", "Slow")]
[Collection(CourseSiteCollection.Name)]
public partial class SiteContentTests(CourseSiteFixture site)
{
    [Fact]
    public void Every_href_and_src_leads_to_a_file_of_the_site_and_every_anchor_to_an_id_there()
    {
        var problems = new List<string>();
        var checkedLinks = 0;
        foreach (var name in site.Pages)
        {
            var html = File.ReadAllText(site.PathOf(name));
            foreach (Match match in LinkAttribute().Matches(html))
            {
                var url = WebUtility.HtmlDecode(match.Groups["url"].Value);
                if (Regex.IsMatch(url, "^(https?|mailto):")) continue;
                Assert.DoesNotMatch("^[a-z]+:", url); // no other scheme, no protocol-relative load
                Assert.False(url.StartsWith("//", StringComparison.Ordinal), $"{name}: {url}");
                checkedLinks++;
                var hash = url.IndexOf('#');
                var path = hash < 0 ? url : url[..hash];
                var target = path.Length == 0 ? site.PathOf(name) : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(site.PathOf(name))!, Uri.UnescapeDataString(path)));
                if (!target.StartsWith(site.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(target))
                {
                    problems.Add($"{name}: {url} leads to no file of the site");
                    continue;
                }
                if (hash >= 0 && url.Length > hash + 1)
                {
                    var id = Uri.UnescapeDataString(url[(hash + 1)..]);
                    if (!File.ReadAllText(target).Contains($"id=\"{WebUtility.HtmlEncode(id)}\"", StringComparison.Ordinal))
                        problems.Add($"{name}: {url} has no element with id '{id}' in {Path.GetRelativePath(site.Folder, target)}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedLinks > 200, $"only {checkedLinks} links were checked");
    }

    [Fact]
    public void Plotly_and_mermaid_are_one_shared_file_each_and_the_site_stays_under_12_MB()
    {
        var pages = site.Pages.Select(p => File.ReadAllText(site.PathOf(p))).ToList();
        Assert.True(File.Exists(site.PathOf("assets/plotly.min.js")));
        Assert.True(File.Exists(site.PathOf("assets/mermaid.min.js")));
        Assert.Equal(2, Directory.EnumerateFiles(site.Folder, "*.js", SearchOption.AllDirectories).Count(f => new FileInfo(f).Length > 1_000_000));
        Assert.All(pages, html => Assert.True(html.Length < 200_000, "a page carries a library inline"));
        Assert.All(pages, html => Assert.DoesNotContain("Plotly.newPlot(", html, StringComparison.Ordinal));
        Assert.True(site.Report.Bytes < 12_000_000, $"the site is {site.Report.Bytes} bytes");
        Assert.Equal(9, site.Report.Pages);
    }

    [Fact]
    public void No_instructor_only_line_solution_or_hidden_check_appears_anywhere_in_the_site()
    {
        var secrets = InstructorOnlyLines();
        Assert.True(secrets.Count >= 40, $"only {secrets.Count} instructor-only lines were found to look for");
        var leaks = new List<string>();
        foreach (var file in Directory.EnumerateFiles(site.Folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".min.js", StringComparison.Ordinal)))
        {
            var text = Readable(File.ReadAllText(file));
            leaks.AddRange(secrets.Where(line => text.Contains(line, StringComparison.Ordinal))
                .Select(line => $"{Path.GetRelativePath(site.Folder, file)}: {line}"));
        }
        Assert.True(leaks.Count == 0, "instructor-only text in the site:\n" + string.Join("\n", leaks.Take(30)));
    }

    /// <summary>
    /// Lines of the solution and instructor cells of every instructor source, the "Instructor note" marker and the
    /// hidden checks' names and messages, less anything the public course itself says (a prompt's example line).
    /// </summary>
    private static IReadOnlyList<string> InstructorOnlyLines()
    {
        var publicNotebooks = Directory.EnumerateFiles(RepoPaths.Combine("exercises"), "*.ipynb")
            .Concat(Directory.EnumerateFiles(RepoPaths.Combine("notebooks"), "*.ipynb"))
            .SelectMany(f => Notebook.Load(f).Cells.Select(c => c.Source));
        var publicText = Readable(string.Join("\n", publicNotebooks.Append(File.ReadAllText(RepoPaths.Combine("notebooks", "README.md")))));
        var lines = new List<string> { "Instructor note" };
        foreach (var source in ReleasePipeline.Sources(RepoPaths.Root))
        {
            foreach (var cell in Notebook.Load(source).Cells.Where(c => CellRoles.RoleOf(c) is CellRoles.Solution or CellRoles.Instructor))
                lines.AddRange(cell.Source.Split('\n').Select(l => Readable(l)));
        }
        foreach (var checks in HiddenChecks.All.Checks.Values)
            lines.AddRange(checks.Select(c => Readable(c.Name)));
        // The hidden checks' messages: every string literal of the instructor-only project.
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Combine("src", "CourseKit.Exercises.Hidden"), "*.cs"))
            lines.AddRange(StringLiteral().Matches(File.ReadAllText(file)).Select(m => Readable(m.Groups[1].Value)));
        return lines.Where(l => l.Length >= 12 && !publicText.Contains(l, StringComparison.Ordinal)).Distinct().ToList();
    }

    // Text as a reader sees it: no tags, entities and \u escapes decoded, runs of white space as one space.
    private static string Readable(string text)
    {
        var decoded = WebUtility.HtmlDecode(Tag().Replace(text, ""));
        decoded = UnicodeEscape().Replace(decoded, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        return Space().Replace(decoded.Replace("\\n", " ").Replace("\\\"", "\""), " ").Trim();
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]*)\"")]
    private static partial Regex LinkAttribute();

    [GeneratedRegex(@"""([^""\\{}]+)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})")]
    private static partial Regex UnicodeEscape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
