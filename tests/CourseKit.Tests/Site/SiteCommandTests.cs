using CourseKit.Checking.Release;
using CourseKit.Notebooks.Documents;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Site;

/// <summary><c>coursekit site</c> as a user runs it, on a copy of the course.</summary>
[Trait("Category", "Slow")]
public class SiteCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // The course's lessons and instructor sources, copied; the notebooks never run (links are checked first).
    private string CopyCourse()
    {
        var repo = _folder.PathOf("course");
        foreach (var folder in new[] { "notebooks", ReleasePipeline.SourceFolder })
        {
            Directory.CreateDirectory(Path.Combine(repo, folder));
            foreach (var file in Directory.EnumerateFiles(RepoPaths.Combine(folder)))
                File.Copy(file, Path.Combine(repo, folder, Path.GetFileName(file)));
        }
        return repo;
    }

    [Fact]
    public async Task A_link_to_a_missing_notebook_fails_the_build_naming_the_page_and_the_link()
    {
        var repo = CopyCourse();
        var lesson = Path.Combine(repo, "notebooks", "02-Image-Generation-Progress.ipynb");
        var notebook = Notebook.Load(lesson);
        notebook.AddMarkdown("Read on in [the missing lesson](05-Missing-Lesson.ipynb#start).");
        notebook.Save(lesson);
        var output = _folder.PathOf("site");

        var result = await CliProcess.RunAsync("site", "--repo", repo, "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "coursekit site: notebooks/02-Image-Generation-Progress.ipynb: the link '05-Missing-Lesson.ipynb#start' points to the notebook notebooks/05-Missing-Lesson.ipynb, which is not in the course.",
            result.Error.Trim());
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_folder_that_is_not_a_site_is_refused_and_left_as_it_was()
    {
        var output = _folder.PathOf("mine");
        var kept = _folder.Write("mine/notes.txt", "my notes");

        var result = await CliProcess.RunAsync("site", "--repo", RepoPaths.Root, "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the folder is not empty and is not a site built by coursekit site", result.Error);
        Assert.Equal("my notes", File.ReadAllText(kept));
        Assert.Single(Directory.EnumerateFileSystemEntries(output));
        Assert.Empty(Directory.EnumerateDirectories(_folder.Path, ".*building"));
    }
}
