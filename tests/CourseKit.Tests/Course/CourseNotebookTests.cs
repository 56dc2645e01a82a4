using CourseKit.Notebooks.Pipelines;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Course;

/// <summary>Like nbmake: every notebook of the course runs clean, or the suite names the notebook and the cell.</summary>
public class CourseNotebookTests
{
    public static TheoryData<string> CourseNotebooks()
    {
        var data = new TheoryData<string>();
        var folders = new[] { "notebooks", "exercises" }.Select(f => RepoPaths.Combine(f)).Where(Directory.Exists);
        foreach (var file in NotebookFiles.Expand(folders))
            data.Add(Path.GetRelativePath(RepoPaths.Root, file.Path));
        return data;
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public async Task Notebook_runs_clean(string notebook)
    {
        using var output = new TempFolder();
        await using var pipeline = new RunPipeline(new RunSettings(output.Path, null, TimeSpan.FromSeconds(60)));

        var report = await pipeline.RunAsync(RepoPaths.Combine(notebook));

        Assert.True(report.Status == NotebookStatus.Passed, $"{notebook}: {report.Message}");
        Assert.Null(NbformatValidator.Problems(Path.Combine(output.Path, Path.GetFileName(notebook))));
    }
}
