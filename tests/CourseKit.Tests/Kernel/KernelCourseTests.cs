using CourseKit.Notebooks.Pipelines;
using CourseKit.Tests.Course;
using CourseKit.Tests.RealKernel;
using CourseKit.Tests.Support;
using Xunit.Abstractions;

namespace CourseKit.Tests.Kernel;

/// <summary>
/// Every course notebook executed by jupyter-nbconvert through the <c>coursekit-csharp</c> kernel, compared cell by
/// cell with the same notebook run as <c>coursekit run</c> runs it (the course-run collection's one run of the course,
/// with the course's packages).
/// </summary>
[Collection(CourseRunCollection.Name)]
[Trait("Category", "Slow")]
public sealed class KernelCourseTests(KernelFixture kernel, CourseRunFixture course, ITestOutputHelper log) : IClassFixture<KernelFixture>
{
    public static TheoryData<string> CourseNotebooks() =>
        [.. new[] { "notebooks", "exercises", Path.Combine("exercises", "source") }
            .SelectMany(folder => Directory.GetFiles(RepoPaths.Combine(folder), "*.ipynb"))
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path))
            .Order(StringComparer.Ordinal)];

    [SkippableTheory]
    [MemberData(nameof(CourseNotebooks))]
    public async Task Runs_every_course_notebook_under_nbconvert_as_coursekit_run_does(string notebook)
    {
        Skip.If(kernel.MissingPython is not null, kernel.MissingPython);
        Skip.If(kernel.MissingNbconvert is not null, kernel.MissingNbconvert);
        using var output = new TempFolder();
        var (exit, nbconvertLog) = await kernel.RunInAsync(RepoPaths.Combine(Path.GetDirectoryName(notebook)!), "/usr/bin/jupyter-nbconvert",
            "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=coursekit-csharp",
            "--ExecutePreprocessor.timeout=300", "--output-dir", output.Path, RepoPaths.Combine(notebook));
        Assert.True(exit == 0, nbconvertLog);
        var executed = new ExecutedNotebook(Path.Combine(output.Path, Path.GetFileName(notebook)));
        var problems = executed.Problems();
        Assert.True(problems.Count == 0, $"{notebook} through the kernel:\n{string.Join('\n', problems)}");

        var report = course.Reports[notebook];
        Assert.True(report.Status == NotebookStatus.Passed, $"{notebook} in coursekit run: {report.Message}");
        var result = KernelComparison.Compare(new ExecutedNotebook(course.ExecutedPath(notebook)), executed);

        log.WriteLine($"{notebook}: {result.CellsCompared} cells and {result.OutputsCompared} outputs compared; allowed: " +
            string.Join("; ", result.AllowedDifferences.Select(p => $"{p.Key}: {p.Value}")));
        Assert.True(result.Differences.Count == 0, $"{notebook}, coursekit run vs the kernel:\n{string.Join('\n', result.Differences)}");
        Assert.True(result.OutputsCompared > 0, $"{notebook}: nothing was compared");
    }
}
