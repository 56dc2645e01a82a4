using CourseKit.Checking;
using System.Diagnostics;
using System.Globalization;
using CourseKit.Notebooks.Pipelines;

// Times the course run as `coursekit run` does it (notebooks side by side, one worker each):
// the whole course and one notebook, cold (fresh worker processes) and warm (workers reused),
// and the share of the time the workers spent compiling cells.
// `--vs-kernel` compares the kit's runner with the real .NET Interactive kernel instead (KernelComparison.cs).
var root = FindRoot();
switch (args)
{
    case ["--vs-kernel", .. var rest]: return await KernelComparison.RunAsync(rest, root);
    case ["--kit-run", var outDir, .. var rest]: return await KernelComparison.KitRunAsync(outDir, rest);
    case ["--kit-first-result"]: return await KernelComparison.KitFirstResultAsync();
}
var paths = args.Length > 0 ? args : [Path.Combine(root, "notebooks"), Path.Combine(root, "exercises")];
var files = NotebookFiles.Expand(paths).Where(f => f.Problem is null).ToList();
if (files.Count == 0)
{
    Console.Error.WriteLine($"No notebooks under {string.Join(", ", paths)}.");
    return 2;
}
var one = files[0];
var settings = new RunSettings(null, null, TimeSpan.FromSeconds(60)) { Packages = CoursePackages.All };
Console.WriteLine($"{files.Count} notebooks, {Environment.ProcessorCount} cores, {RuntimeInformationText()}");
Console.WriteLine("scenario                      wall s   compile s   compile share");

await using (var pipeline = new RunPipeline(settings))
{
    await Measure("whole course, cold", () => pipeline.RunAllAsync(files));
    await Measure("whole course, warm", () => pipeline.RunAllAsync(files));
}
await using (var pipeline = new RunPipeline(settings))
{
    await Measure($"one notebook, cold", () => pipeline.RunAllAsync([one]));
    await Measure($"one notebook, warm", () => pipeline.RunAllAsync([one]));
}
Console.WriteLine($"(one notebook = {Path.GetFileName(one.Path)})");
return 0;

static async Task Measure(string name, Func<Task<IReadOnlyList<NotebookReport>>> run)
{
    var clock = Stopwatch.StartNew();
    var reports = await run();
    var wall = clock.Elapsed.TotalSeconds;
    var compile = reports.Sum(r => r.CompileTime.TotalSeconds);
    var busy = reports.Sum(r => r.Elapsed.TotalSeconds);
    var failed = reports.Where(r => r.Status != NotebookStatus.Passed).Select(r => Path.GetFileName(r.Path)).ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-28} {wall,7:0.00}   {compile,8:0.00}   {compile / Math.Max(busy, 1e-9),12:P0}{(failed.Count > 0 ? "   FAILED: " + string.Join(", ", failed) : "")}"));
}

static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "CourseKit.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
