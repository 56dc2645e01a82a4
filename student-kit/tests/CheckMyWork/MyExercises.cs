using CourseKit.Checking.NotebookChecks;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Evaluation;
using CourseKit.Exercises.InNotebook;
using CourseKit.Exercises.Model;
using CourseKit.Notebooks.Execution;
using Xunit.Abstractions;

namespace CheckMyWork;

/// <summary>
/// One test per exercise. Passed (or handed in for manual grading) → the test passes; failed, not
/// attempted or not run → the test fails, and its message says what to do next. Your notebooks run in a
/// separate worker process; only your answers come back here, as data.
/// </summary>
public sealed class MyExercises(NotebookRuns runs, ITestOutputHelper output) : IClassFixture<NotebookRuns>
{
    public static TheoryData<string> Exercises => new(ExerciseCatalog.All.Select(e => e.Id));

    [Theory]
    [MemberData(nameof(Exercises))]
    public async Task Exercise(string id)
    {
        var result = await runs.ResultAsync(id);
        var exercise = ExerciseCatalog.Get(id);
        output.WriteLine(LearnerReport.Text(exercise, result));
        var verdict = $"{id} {result.Status.Label()} ({result.Earned}/{result.Possible}): {result.Summary}";
        if (result.Status is ExerciseStatus.Passed or ExerciseStatus.NeedsManualGrading)
            return;
        Assert.Fail(verdict + (result.Status == ExerciseStatus.Failed ? "\n" + Checker.NextHint(exercise, 0) : ""));
    }
}

/// <summary>Checks each notebook in exercises/ once for all the tests.</summary>
public sealed class NotebookRuns : IAsyncLifetime
{
    private readonly WorkerPool _workers = new();
    private readonly Dictionary<string, Task<NotebookCheckReport>> _reports = [];

    public Task<ExerciseResult> ResultAsync(string id) => ResultFor(id);

    private async Task<ExerciseResult> ResultFor(string id)
    {
        var notebook = ExerciseCatalog.Notebooks.First(n => n.ExerciseIds.Contains(id));
        Task<NotebookCheckReport> report;
        lock (_reports)
        {
            if (!_reports.TryGetValue(notebook.FileName, out report!))
            {
                var path = Path.Combine(CourseFolder(), "exercises", notebook.FileName);
                report = _reports[notebook.FileName] = File.Exists(path)
                    ? new NotebookChecker(_workers, InstructorChecks.None).CheckAsync(path)
                    : Task.FromException<NotebookCheckReport>(new FileNotFoundException($"Your notebook exercises/{notebook.FileName} is missing; copy it back from the course folder."));
            }
        }
        return (await report)[id];
    }

    private static string CourseFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CheckMyWork.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Could not find the course folder (the one holding CheckMyWork.slnx).");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _workers.DisposeAsync();
}
