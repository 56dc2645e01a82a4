using CourseKit.Notebooks.Pipelines;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Course;

/// <summary>Like nbmake: every notebook of the course runs clean, or the suite names the notebook and the cell.</summary>
[Collection(CourseRunCollection.Name)]
[Trait("Category", "Slow")]
public class CourseNotebookTests(CourseRunFixture course)
{
    public static TheoryData<string> CourseNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var file in NotebookFiles.Expand(CourseRunFixture.Folders))
            data.Add(Path.GetRelativePath(RepoPaths.Root, file.Path));
        return data;
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void Notebook_runs_clean_and_its_output_is_valid_nbformat(string notebook)
    {
        var report = course.Reports[notebook];

        Assert.True(report.Status == NotebookStatus.Passed, $"{notebook}: {report.Message}");
        Assert.Null(NbformatValidator.Problems(course.ExecutedPath(notebook)));
    }
}
