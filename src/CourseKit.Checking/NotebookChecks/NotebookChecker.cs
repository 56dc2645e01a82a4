using CourseKit.Checking.Cells;
using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Evaluation;
using CourseKit.Exercises.Model;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Pipelines;

namespace CourseKit.Checking.NotebookChecks;

/// <summary>
/// Checks one exercise notebook: runs it in a worker process, then evaluates the collect cell in the same session,
/// whose value is the answers as data and evaluates the public checks, plus <paramref name="instructor"/>'s hidden ones.
/// </summary>
public sealed class NotebookChecker(WorkerPool workers, InstructorChecks instructor, RunOptions? options = null)
{
    // The collect cell calls CourseKit.Exercises, and the exercises' state must not pass from one notebook to the next.
    private readonly RunOptions _options = WithExercises(options ?? RunOptions.Default);

    /// <param name="stop">Ends the check at once (see <see cref="NotebookRunner"/>).</param>
    public async Task<NotebookCheckReport> CheckAsync(string path, CancellationToken stop = default)
    {
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(path);
        }
        catch (NotebookFormatException error)
        {
            var ids = ExerciseCatalog.NotebookNamed(path)?.ExerciseIds ?? [];
            var name = System.IO.Path.GetFileName(path);
            var problem = $"{name}: {error.Problem}";
            return new NotebookCheckReport(path, ids.Select(id => NotRun(id, $"{name} could not be read: {error.Problem}")).ToList(), problem);
        }

        var checkCells = ExerciseCells.CheckCells(notebook, path);
        var cells = notebook.Cells
            .Select((cell, index) => new CellToRun(index + 1, notebook.KernelOf(cell), RunPipeline.SourceToRun(notebook, cell)))
            .ToList();
        var collect = CollectCell.Evaluation(checkCells.Keys, instructor);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var run = await new NotebookRunner(workers).RunAsync(directory, cells, _options, [collect], stop);

        var sheet = ReadSheet(run, collect);
        var failure = run.Failure is { CellNumber: > 0 } f && f.CellNumber <= cells.Count ? f : null;
        if (sheet is null && failure is { CellNumber: > 1 })
        {
            // The failing cell crashed the worker or overran its time limit, so the collect cell could not run:
            // the cells before it run again in a fresh worker, and the answers recorded there still count.
            var before = cells.Where(c => c.Number < failure.CellNumber).ToList();
            sheet = ReadSheet(await new NotebookRunner(workers).RunAsync(directory, before, _options, [collect], stop), collect);
        }
        var runProblem = run.Failure is null ? null
            : failure is not null ? $"cell {failure.CellNumber} (\"{Shorten(failure.FirstLine)}\") failed: {failure.Reason}"
            : $"the notebook could not be run: {run.Failure.Reason}";

        var results = checkCells.Select(pair => Verdict(pair.Key, pair.Value, sheet, failure, runProblem)).ToList();
        return new NotebookCheckReport(path, results, runProblem)
        {
            Answers = sheet ?? new Dictionary<string, CapturedAnswer>(),
            FailedCode = FailedCode.Of(notebook, System.IO.Path.GetFileName(path), run),
        };
    }

    private ExerciseResult Verdict(string id, int? checkCell, IReadOnlyDictionary<string, CapturedAnswer>? sheet, RunFailure? failure, string? runProblem)
    {
        var exercise = ExerciseCatalog.Get(id);
        var hidden = instructor.ChecksFor(exercise.Id);
        if (sheet is not null && sheet.TryGetValue(exercise.Id, out var answer))
            return ExerciseEvaluator.Evaluate(exercise, answer, hidden);
        if (checkCell is null)
            return ExerciseEvaluator.Evaluate(exercise, CapturedAnswer.NotAttempted, hidden) with
            {
                Reason = $"the notebook has no check cell for {exercise.Id}. Add a cell with {exercise.CheckCall} below your answer and run it.",
            };
        if (failure is not null && failure.CellNumber <= checkCell)
            return ExerciseEvaluator.NotRun(exercise, hidden,
                $"{EndSentence(runProblem!)} The check cell of {exercise.Id} (cell {checkCell}) comes after it, so its answer could not be read. Fix cell {failure.CellNumber} and check again.");
        if (sheet is null)
            return ExerciseEvaluator.NotRun(exercise, hidden, runProblem is null
                ? "the checker could not read the answers back from the notebook run."
                : $"the checker could not read the answers back ({runProblem}).");
        return ExerciseEvaluator.Evaluate(exercise, CapturedAnswer.NotAttempted, hidden) with
        {
            Reason = $"cell {checkCell} did not record an answer. Keep its line {exercise.CheckCall} as it is and run it.",
        };
    }

    // Exercise notebooks load the course's packages, and the collect cell calls CourseKit.Exercises, whose answers and
    // hints must not pass from one notebook to the next.
    // Cells compile in groups: checking is the hot path of grading, and a group means what its cells mean one by one.
    private static RunOptions WithExercises(RunOptions given) =>
        given with { Packages = CoursePackages.All.All.Aggregate(given.Packages, (catalog, package) => catalog.With(package)), GroupCells = true };

    private static IReadOnlyDictionary<string, CapturedAnswer>? ReadSheet(NotebookRunResult run, Evaluation collect) =>
        run.Evaluations.GetValueOrDefault(collect.Name) is Evaluated.Value value ? CapturedAnswers.FromJson(value.Text) : null;

    private ExerciseResult NotRun(string id, string reason)
    {
        var exercise = ExerciseCatalog.Get(id);
        return ExerciseEvaluator.NotRun(exercise, instructor.ChecksFor(exercise.Id), reason);
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";

    private static string EndSentence(string text) => text.EndsWith('.') ? text : text + ".";
}
