using CourseKit.Checking;
using CourseKit.Checking.NotebookChecks;
using CourseKit.Exercises.Model;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Pipelines;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.RealKernel;

/// <summary>
/// Runs every course notebook (lessons, student exercises, instructor sources) and the lane's own probe
/// notebooks once in each engine: the kit's runner (as <c>coursekit run</c> and <c>coursekit check</c>) and the
/// real .NET Interactive kernel (through nbconvert, two kernels at a time).
/// </summary>
public sealed class RealKernelFixture : IAsyncLifetime
{
    private static readonly TimeSpan CellTimeout = TimeSpan.FromSeconds(300);
    private readonly TempFolder _folder = new();

    public static IReadOnlyList<string> CourseFolders { get; } = ["notebooks", "exercises"];

    /// <summary>Course notebooks by repository-relative path, e.g. <c>exercises/source/01-….ipynb</c>.</summary>
    public static IReadOnlyList<string> CourseNotebooks { get; } = NotebookFiles
        .Expand(CourseFolders.Select(f => RepoPaths.Combine(f)))
        .Select(f => Path.GetRelativePath(RepoPaths.Root, f.Path))
        .ToList();

    public IReadOnlyDictionary<string, KernelRun> Kernel { get; private set; } = new Dictionary<string, KernelRun>();

    public IReadOnlyDictionary<string, NotebookReport> Kit { get; private set; } = new Dictionary<string, NotebookReport>();

    public IReadOnlyDictionary<string, NotebookCheckReport> Checked { get; private set; } = new Dictionary<string, NotebookCheckReport>();

    private readonly Dictionary<string, string> _kitOutputs = [];

    public TimeSpan KernelTime { get; private set; }

    public async Task InitializeAsync()
    {
        if (DotNetInteractive.Missing is not null) return;

        var notebooks = CourseNotebooks.ToDictionary(n => n, n => RepoPaths.Combine(n));
        foreach (var probe in Probes.Write(_folder.PathOf("probes")))
            notebooks[probe.Key] = probe.Value;

        await RunKitAsync(notebooks);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Kernel = await RunKernelAsync(notebooks);
        KernelTime = clock.Elapsed;
    }

    private async Task RunKitAsync(Dictionary<string, string> notebooks)
    {
        var outputs = _folder.PathOf("kit");
        await using (var pipeline = new RunPipeline(new RunSettings(outputs, null, TimeSpan.FromSeconds(60)) { Packages = CoursePackages.All }))
        {
            var reports = new Dictionary<string, NotebookReport>();
            foreach (var (name, path) in notebooks)
            {
                var output = Path.ChangeExtension(name, ".ipynb");
                reports[name] = await pipeline.RunAsync(new NotebookFile(path, null) { OutputName = output });
                _kitOutputs[name] = Path.Combine(outputs, output);
            }
            Kit = reports;
        }

        await using var workers = new WorkerPool();
        var checker = new NotebookChecker(workers, InstructorChecks.None);
        var checks = new Dictionary<string, NotebookCheckReport>();
        foreach (var name in notebooks.Keys.Where(n => n.StartsWith("exercises", StringComparison.Ordinal)))
            checks[name] = await checker.CheckAsync(notebooks[name]);
        Checked = checks;
    }

    private async Task<IReadOnlyDictionary<string, KernelRun>> RunKernelAsync(Dictionary<string, string> notebooks)
    {
        var outputs = _folder.PathOf("kernel");
        var runs = new System.Collections.Concurrent.ConcurrentDictionary<string, KernelRun>();
        // Two kernels at a time: each is mostly waiting on its own start-up and NuGet restore.
        await Parallel.ForEachAsync(notebooks, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (pair, _) =>
        {
            var output = Path.Combine(outputs, Path.ChangeExtension(pair.Key, ".ipynb"));
            if (!pair.Value.EndsWith(".dib", StringComparison.OrdinalIgnoreCase))
            {
                runs[pair.Key] = await DotNetInteractive.ExecuteAsync(pair.Value, output, CellTimeout);
                return;
            }
            // nbconvert reads only .ipynb, and the kernel starts in the input's folder, where relative #r paths
            // point from: the .dib's .ipynb form is written beside it for the run, then removed.
            var beside = Path.Combine(Path.GetDirectoryName(pair.Value)!, $".{Path.GetFileNameWithoutExtension(pair.Value)}.real-kernel-lane.ipynb");
            try
            {
                Notebook.Load(pair.Value).ToIpynb().Save(beside);
                runs[pair.Key] = await DotNetInteractive.ExecuteAsync(beside, output, CellTimeout);
            }
            finally
            {
                File.Delete(beside);
            }
        });
        return runs;
    }

    /// <summary>Skips the test, with the reason, where the real kernel is not installed; fails it where scripts/test.sh required it.</summary>
    public static void RequireKernel()
    {
        if (DotNetInteractive.Missing is { } missing && DotNetInteractive.Required)
            Assert.Fail(missing);
        Skip.If(DotNetInteractive.Missing is not null, DotNetInteractive.Missing);
    }

    public ExecutedNotebook KernelExecuted(string name)
    {
        var run = Kernel[name];
        Assert.True(run.Problem is null, $"{name}: {run.Problem}");
        return new ExecutedNotebook(run.Output);
    }

    public ExecutedNotebook KitExecuted(string name)
    {
        Assert.True(Kit[name].Status == NotebookStatus.Passed, $"{name} in the kit's runner: {Kit[name].Message}");
        return new ExecutedNotebook(_kitOutputs[name]);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RealKernelCollection : ICollectionFixture<RealKernelFixture>
{
    public const string Name = "real .NET Interactive kernel";
}
