using CourseKit.Grading.Outputs;
using CourseKit.Grading.Results;
using CourseKit.Grading.Sharding;
using CourseKit.Grading.Submissions;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Running;

/// <summary>What one grading run did.</summary>
public sealed record ClassRun(IReadOnlyList<StudentResult> Graded, int Skipped, IReadOnlyList<StudentResult> All, TimeSpan Elapsed);

/// <summary>
/// Grades a class: finds the submissions, skips those already graded (unless forced), grades the rest
/// <see cref="Isolation.GradingLimits.Parallel"/> at a time, their cells compiled in one <see cref="CompilerProcess"/>
/// that is killed and started again when a compilation overruns its limit, while the next submissions' workers start,
/// stores each result and writes its feedback pages as soon as it is graded, then writes the class's outputs (and the
/// pages of the students not graded in this run) from the stored results.
/// </summary>
/// <param name="shard">Grade only this shard's share of the class and write its <c>shard.json</c> instead of the class's outputs.</param>
public sealed class ClassGrader(GradingSetup setup, bool force, Shard? shard = null)
{
    public async Task<ClassRun> GradeAsync(Action<StudentResult>? graded = null, Action<int>? started = null, CancellationToken cancel = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var submissions = SubmissionFinder.Find(setup.SubmissionsDir);
        Directory.CreateDirectory(setup.OutDir); // it must exist to be hidden from the sandbox
        var wholeClass = submissions;
        if (shard is not null) submissions = ShardRun.Start(shard, wholeClass, setup.OutDir);
        var store = new ResultStore(setup.OutDir);
        var todo = submissions.Where(s => force || !store.Has(s.StudentId)).ToList();
        started?.Invoke(todo.Count);
        var outputsWarm = shard is null ? Task.Run(OutputWriter.WarmUp, cancel) : Task.CompletedTask;
        await using var compiler = new CompilerProcess();
        var prepared = todo.Select(s => new Lazy<Task<PreparedSubmission>>(() => Prepare(s, compiler))).ToArray();
        var grader = new SubmissionGrader(setup);
        var results = new StudentResult[todo.Count];
        var ahead = Math.Max(1, setup.Limits.Parallel);

        var taken = new bool[todo.Count];
        var feedbackWritten = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            await GradeAllAsync();
        }
        finally
        {
            // A run stopped early (Ctrl-C, or a grader fault) ends the workers and removes the folders of submissions prepared ahead.
            for (var i = 0; i < todo.Count; i++)
                if (prepared[i].IsValueCreated && !Volatile.Read(ref taken[i])) await DisposeQuietlyAsync(prepared[i].Value);
        }

        var all = store.LoadAll();
        if (shard is null)
        {
            await outputsWarm;
            OutputWriter.WriteAll(setup.OutDir, all, feedbackWritten.Keys.ToHashSet(StringComparer.Ordinal));
        }
        else all = ShardRun.Finish(shard, wholeClass, setup, all);
        return new ClassRun(results, submissions.Count - todo.Count, all, clock.Elapsed);

        Task GradeAllAsync() => Parallel.ForEachAsync(Enumerable.Range(0, todo.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ahead, CancellationToken = cancel },
            async (i, token) =>
            {
                for (var next = i + 1; next <= i + ahead && next < todo.Count; next++) _ = prepared[next].Value;
                StudentResult result;
                try
                {
                    Volatile.Write(ref taken[i], true);
                    await using var submission = await prepared[i].Value;
                    result = await grader.GradeAsync(submission, compiler);
                }
                // A missing worker, or a worker the grader could not set up, stops the whole run: it is not the student's doing.
                catch (Exception error) when (error is not FileNotFoundException and not WorkerStartException and not OperationCanceledException)
                {
                    result = SubmissionGrader.Failed(todo[i].StudentId, $"the grader could not grade this submission: {error.Message.ReplaceLineEndings(" ")}");
                }
                result = ManualCarryOver.Keep(store.Load(result.StudentId), result.WithConflict(todo[i].Conflict));
                store.Save(result);
                // The pages from this very result, now, while other submissions are graded; the rest wait for the end.
                if (shard is null)
                {
                    OutputWriter.WriteFeedback(setup.OutDir, result);
                    feedbackWritten[result.StudentId] = true;
                }
                results[i] = result;
                graded?.Invoke(result);
            });
    }

    private static async Task DisposeQuietlyAsync(Task<PreparedSubmission> preparing)
    {
        try
        {
            await (await preparing).DisposeAsync();
        }
        catch (Exception)
        {
            // Preparing it failed, and PrepareAsync already cleaned up after itself; the run's own error is reported.
        }
    }

    // Unpacking and starting a worker run off the grading threads, ahead of their turn.
    private Task<PreparedSubmission> Prepare(Submission submission, CompilerProcess compiler) =>
        Task.Run(async () => await PreparedSubmission.PrepareAsync(submission, setup, compiler));
}
