using System.Diagnostics;
using System.Globalization;
using CourseKit.GradeBench;
using CourseKit.Grading.Isolation;
using CourseKit.Grading.Running;
using CourseKit.Grading.Submissions;

// dotnet run -c Release --project bench/CourseKit.GradeBench -- [students=200] [baseline-sample=students] [parallel=grader's default]
var students = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var sample = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : students;
var limits = args.Length > 2 ? GradingLimits.Default with { Parallel = int.Parse(args[2], CultureInfo.InvariantCulture) } : GradingLimits.Default;
var repo = FindRepo();
var cli = Path.Combine(AppContext.BaseDirectory, "CourseKit.Cli.dll");
var work = Directory.CreateTempSubdirectory("coursekit-gradebench-").FullName;
try
{
    var submissions = Path.Combine(work, "submissions");
    var notebooks = ClassGenerator.Generate(repo, submissions, students);
    Console.WriteLine($"{students} generated submissions (lesson 1 notebook each) in {submissions}");
    Console.WriteLine(WorkerSandboxLine());

    // What one submission costs before its first cell: a sandboxed worker started and answering.
    var setup = new GradingSetup(submissions, Path.Combine(work, "out"), limits);
    await using (var compiler = new CourseKit.Notebooks.Execution.CompilerProcess())
    {
        await compiler.WarmUpAsync(); // as the grader's compilers are warmed before its first submission
    }
    var warm = Stopwatch.StartNew();
    for (var i = 0; i < 3; i++)
        await (await PreparedSubmission.PrepareAsync(new Submission($"student{i:000}", Path.GetDirectoryName(notebooks[i])!, false), setup, NoCompiler.Instance)).DisposeAsync();
    var warmEach = warm.Elapsed.TotalSeconds / 3;
    var startCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    var graded = await new ClassGrader(setup, force: true).GradeAsync();
    var grader = graded.Elapsed.TotalSeconds;
    var perSubmission = graded.Graded.Average(r => r.Seconds);

    var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - startCpu;
var baseline = Baseline.Run(cli, notebooks.Take(sample).ToList()).TotalSeconds * students / sample;
    var note = sample < students ? $" (measured on {sample}, scaled to {students})" : "";

    Console.WriteLine();
    Console.WriteLine($"coursekit grade : {grader,7:0.0} s wall, {students / grader,5:0.00} submissions/s, {Environment.ProcessorCount} cores, {limits.Parallel} at a time");
    Console.WriteLine($"baseline        : {baseline,7:0.0} s wall, {students / baseline,5:0.00} submissions/s{note}");
    Console.WriteLine($"ratio           : {baseline / grader:0.0}x faster than one fresh process per notebook");
    Console.WriteLine($"targets         : < 60 s wall {(grader < 60 ? "met" : "MISSED")}; >= 5x baseline {(baseline / grader >= 5 ? "met" : "MISSED")}");
    Console.WriteLine($"where time goes : sandboxed worker start {warmEach:0.00} s each (alone); grading a warmed submission {perSubmission:0.00} s (under load)");
    Console.WriteLine($"grader process  : {cpu:0.0} s of CPU while grading (compiler process and workers not counted: perf stat -e task-clock counts all)");
    Console.WriteLine($"load average    : {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end of grading");
    Console.WriteLine($"scores          : {string.Join(", ", graded.All.GroupBy(r => r.Total).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}"))}");
}
finally
{
    Directory.Delete(work, recursive: true);
}

static string WorkerSandboxLine() =>
    GradingSandbox.Warnings.Count > 0 ? string.Join(Environment.NewLine, GradingSandbox.Warnings) : "sandbox: bubblewrap, task limit";

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "CourseKit.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run the benchmark from inside the CourseKit repository.");
}

/// <summary>Starting workers alone, to time them: no compiler to warm.</summary>
sealed class NoCompiler : CourseKit.Notebooks.Execution.ICompilerHost
{
    public static NoCompiler Instance { get; } = new();

    public Task WarmUpAsync() => Task.CompletedTask;

    public CourseKit.Notebooks.Execution.ICellChain Open(string notebookDirectory, CourseKit.Notebooks.Execution.PackageCatalog packages,
        CourseKit.Notebooks.Execution.WorkerSandbox sandbox) => throw new InvalidOperationException("nothing compiles while workers start");
}
