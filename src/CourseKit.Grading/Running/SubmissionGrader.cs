using System.Diagnostics;
using System.Text.Json.Nodes;
using CourseKit.Checking.NotebookChecks;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Evaluation;
using CourseKit.Exercises.Hidden;
using CourseKit.Exercises.Model;
using CourseKit.Grading.Results;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Running;

/// <summary>
/// Grades one prepared submission: each exercise notebook in the submission's own worker under the cell and
/// submission time limits, every public and hidden check evaluated here from the answer data.
/// </summary>
public sealed class SubmissionGrader(GradingSetup setup)
{
    private const int MaxProblemLength = 400;

    /// <summary>What became of one exercise notebook of a submission.</summary>
    private abstract record NotebookOutcome(string? Problem)
    {
        /// <summary>Not run, and why; the reason is a problem of the submission unless it follows from another.</summary>
        public sealed record NotRun(string Reason, string? Problem) : NotebookOutcome(Problem);

        /// <summary>The submission's clock ran out while this notebook ran.</summary>
        public sealed record TimedOut(string Reason, string Problem) : NotebookOutcome(Problem);

        public sealed record Checked(NotebookCheckReport Report) : NotebookOutcome((string?)null);
    }

    /// <summary>Each exercise notebook in turn: may it run → check it within the submission's time → record what it gave.</summary>
    /// <param name="compiler">Where the cells compile; by default in this process.</param>
    public async Task<StudentResult> GradeAsync(PreparedSubmission prepared, ICompilerHost? compiler = null)
    {
        if (prepared.Unpacked.NotGradable is { } refused) return NotGradable(prepared.Unpacked.StudentId, refused);
        compiler ??= InProcessCompiler.Instance;
        var clock = Stopwatch.StartNew();
        var record = new SubmissionRecord();
        if (prepared.Unpacked.Problem is { } unpackProblem) record.Problems.Add(unpackProblem);
        var timedOut = false;
        foreach (var notebook in ExerciseCatalog.Notebooks)
        {
            var outcome = WhyNotRun(prepared, notebook, timedOut, clock.Elapsed)
                ?? await CheckWithinTimeAsync(prepared.Workers!, compiler, notebook, Path.Combine(prepared.Unpacked.Folder!, notebook.FileName), clock.Elapsed);
            timedOut |= outcome is NotebookOutcome.TimedOut;
            record.Add(notebook, outcome);
        }
        return new StudentResult(prepared.Unpacked.StudentId, record.Exercises, record.Problems, record.FreeText, new Dictionary<string, decimal>(), clock.Elapsed.TotalSeconds)
        {
            FailedCode = record.FailedCode,
        };
    }

    private NotebookOutcome.NotRun? WhyNotRun(PreparedSubmission prepared, ExerciseNotebook notebook, bool timedOut, TimeSpan elapsed)
    {
        var folder = prepared.Unpacked.Folder;
        if (folder is null || prepared.Workers is null)
            return new($"the submission could not be opened ({prepared.Unpacked.Problem}).", Problem: null);
        var path = Path.Combine(folder, notebook.FileName);
        string? reason =
            !File.Exists(path) ? $"{notebook.FileName} is not in the submission."
            : new FileInfo(path).LinkTarget is not null ? $"{notebook.FileName} is a link; hand in the notebook file itself."
            : timedOut || setup.Limits.SubmissionTimeLimit - elapsed <= TimeSpan.Zero ? $"the submission reached its time limit of {TimeLimit} before this notebook ran."
            : null;
        return reason is null ? null : new(reason, timedOut ? null : reason);
    }

    // The submission's clock alone ends a notebook that overruns what is left of it; the cell limit stays the
    // exercise's own, so the two never race to report one overrun.
    private async Task<NotebookOutcome> CheckWithinTimeAsync(CheckingWorkers workers, ICompilerHost compiler, ExerciseNotebook notebook, string path, TimeSpan elapsed)
    {
        using var stop = new CancellationTokenSource();
        var check = workers.Checker(HiddenChecks.All, new RunOptions(setup.Limits.CellTimeLimit) { Compiler = compiler }).CheckAsync(path, stop.Token);
        if (await Task.WhenAny(check, Task.Delay(setup.Limits.SubmissionTimeLimit - elapsed)) == check)
            return new NotebookOutcome.Checked(await check);
        workers.Stop();
        stop.Cancel();
        await check; // ends at once: its workers are gone, no more start, and a compilation under way is abandoned
        var reason = $"the submission reached its time limit of {TimeLimit} while this notebook ran.";
        return new NotebookOutcome.TimedOut(reason, $"{notebook.FileName}: {reason}");
    }

    private string TimeLimit => $"{setup.Limits.SubmissionTimeLimit.TotalSeconds:0.#} s";

    /// <summary>What the notebooks gave, exercise by exercise, with the submission's problems and free-text answers.</summary>
    private sealed class SubmissionRecord
    {
        public List<ExerciseResult> Exercises { get; } = [];
        public List<string> Problems { get; } = [];
        public List<FreeTextAnswer> FreeText { get; } = [];
        public List<FailedCode> FailedCode { get; } = [];

        public void Add(ExerciseNotebook notebook, NotebookOutcome outcome)
        {
            if (outcome.Problem is { } problem) Problems.Add(problem);
            switch (outcome)
            {
                case NotebookOutcome.NotRun notRun:
                    Exercises.AddRange(notebook.ExerciseIds.Select(id => SubmissionGrader.NotRun(id, notRun.Reason)));
                    break;
                case NotebookOutcome.TimedOut timedOut:
                    Exercises.AddRange(notebook.ExerciseIds.Select(id => SubmissionGrader.NotRun(id, timedOut.Reason)));
                    break;
                case NotebookOutcome.Checked { Report: var report }:
                    AddChecked(notebook, report);
                    break;
            }
        }

        private void AddChecked(ExerciseNotebook notebook, NotebookCheckReport report)
        {
            var expected = notebook.ExerciseIds.ToHashSet();
            if (report.FailedCode is { } failedCode) FailedCode.Add(failedCode);
            if (report.Problem is { } problem) Problems.Add(Shorten(problem.StartsWith(notebook.FileName, StringComparison.Ordinal) ? problem : $"{notebook.FileName}: {problem}"));
            var others = report.Results.Where(r => !expected.Contains(r.Id)).Select(r => r.Id).ToList();
            if (others.Count > 0 && report.Results.Where(r => expected.Contains(r.Id)).All(r => r.Status == ExerciseStatus.NotAttempted))
                Problems.Add($"{notebook.FileName} holds the checks of {string.Join(", ", others)}, not of its own exercises: is it the wrong notebook?");
            foreach (var id in notebook.ExerciseIds)
            {
                var result = report.Results.FirstOrDefault(r => r.Id == id) ?? SubmissionGrader.NotRun(id, $"{notebook.FileName} has no check for {id}.");
                Exercises.Add(result with { Reason = result.Reason is null ? null : Shorten(result.Reason) });
                if (ExerciseCatalog.Get(id).Kind == ExerciseKind.FreeText
                    && report.Answers.TryGetValue(id, out var answer) && answer.Data is JsonValue value && value.TryGetValue<string>(out var text))
                    FreeText.Add(new FreeTextAnswer(id, text));
            }
        }
    }

    /// <summary>The result of a submission the grader could not grade at all: every exercise not run, with why.</summary>
    public static StudentResult Failed(string studentId, string problem) =>
        new(studentId, ExerciseCatalog.All.Select(e => NotRun(e.Id, problem)).ToList(), [problem], [], new Dictionary<string, decimal>(), 0);

    /// <summary>The result of a submission the grader refused to read: no score, every exercise not run, with why.</summary>
    public static StudentResult NotGradable(string studentId, string reason) =>
        Failed(studentId, reason) with { NotGradable = reason };

    private static ExerciseResult NotRun(string id, string reason)
    {
        var exercise = ExerciseCatalog.Get(id);
        return ExerciseEvaluator.NotRun(exercise, HiddenChecks.All.ChecksFor(exercise.Id), reason);
    }

    private static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= MaxProblemLength ? text : text[..(MaxProblemLength - 1)] + "…";
    }
}
