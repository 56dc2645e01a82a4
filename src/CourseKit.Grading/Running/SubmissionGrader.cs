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

    public async Task<StudentResult> GradeAsync(PreparedSubmission prepared)
    {
        var clock = Stopwatch.StartNew();
        var exercises = new List<ExerciseResult>();
        var problems = new List<string>();
        var freeText = new List<FreeTextAnswer>();
        var limits = setup.Limits;
        var timedOut = false;
        if (prepared.Unpacked.Problem is { } unpackProblem) problems.Add(unpackProblem);

        foreach (var notebook in ExerciseCatalog.Notebooks)
        {
            var folder = prepared.Unpacked.Folder;
            var path = folder is null ? null : Path.Combine(folder, notebook.FileName);
            var remaining = limits.SubmissionTimeLimit - clock.Elapsed;
            string? notRun =
                folder is null || prepared.Workers is null ? $"the submission could not be opened ({prepared.Unpacked.Problem})."
                : !File.Exists(path) ? $"{notebook.FileName} is not in the submission."
                : new FileInfo(path!).LinkTarget is not null ? $"{notebook.FileName} is a link; hand in the notebook file itself."
                : timedOut || remaining <= TimeSpan.Zero ? $"the submission reached its time limit of {limits.SubmissionTimeLimit.TotalSeconds:0.#} s before this notebook ran."
                : null;
            if (notRun is not null)
            {
                if (folder is not null && !timedOut) problems.Add(notRun);
                exercises.AddRange(notebook.ExerciseIds.Select(id => NotRun(id, notRun)));
                continue;
            }

            // The submission's clock alone ends a notebook that overruns what is left of it; the cell limit stays
            // the exercise's own, so the two never race to report one overrun.
            using var stop = new CancellationTokenSource();
            var check = prepared.Workers!.Checker(HiddenChecks.All, new RunOptions(limits.CellTimeLimit)).CheckAsync(path!, stop.Token);
            if (await Task.WhenAny(check, Task.Delay(remaining)) != check)
            {
                timedOut = true;
                prepared.Workers!.Stop();
                stop.Cancel();
                await check; // ends at once: its workers are gone, no more start, and a compilation under way is abandoned
                var reason = $"the submission reached its time limit of {limits.SubmissionTimeLimit.TotalSeconds:0.#} s while this notebook ran.";
                problems.Add($"{notebook.FileName}: {reason}");
                exercises.AddRange(notebook.ExerciseIds.Select(id => NotRun(id, reason)));
                continue;
            }

            var report = await check;
            var expected = notebook.ExerciseIds.ToHashSet();
            if (report.Problem is { } problem) problems.Add(Shorten(problem.StartsWith(notebook.FileName, StringComparison.Ordinal) ? problem : $"{notebook.FileName}: {problem}"));
            var others = report.Results.Where(r => !expected.Contains(r.Id)).Select(r => r.Id).ToList();
            if (others.Count > 0 && report.Results.Where(r => expected.Contains(r.Id)).All(r => r.Status == ExerciseStatus.NotAttempted))
                problems.Add($"{notebook.FileName} holds the checks of {string.Join(", ", others)}, not of its own exercises: is it the wrong notebook?");
            foreach (var id in notebook.ExerciseIds)
            {
                var result = report.Results.FirstOrDefault(r => r.Id == id) ?? NotRun(id, $"{notebook.FileName} has no check for {id}.");
                exercises.Add(result with { Reason = result.Reason is null ? null : Shorten(result.Reason) });
                if (ExerciseCatalog.Get(id).Kind == ExerciseKind.FreeText
                    && report.Answers.TryGetValue(id, out var answer) && answer.Data is JsonValue value && value.TryGetValue<string>(out var text))
                    freeText.Add(new FreeTextAnswer(id, text));
            }
        }
        return new StudentResult(prepared.Unpacked.StudentId, exercises, problems, freeText, new Dictionary<string, decimal>(), clock.Elapsed.TotalSeconds);
    }

    /// <summary>The result of a submission the grader could not grade at all: every exercise not run, with why.</summary>
    public static StudentResult Failed(string studentId, string problem) =>
        new(studentId, ExerciseCatalog.All.Select(e => NotRun(e.Id, problem)).ToList(), [problem], [], new Dictionary<string, decimal>(), 0);

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
