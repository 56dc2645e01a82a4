using CourseKit.Checking;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Pipelines;

/// <summary>
/// `--vs-kernel`: the kit's runner against the real .NET Interactive kernel on the same notebooks, in one run
/// (bench/README.md). The kit runs each set in a fresh process of this benchmark, as `coursekit run` would; the
/// kernel runs each notebook through jupyter-nbconvert, driven by bench/kernel_bench.py. Both write the executed
/// notebooks under out/vs-kernel/, where the same code counts their error outputs and executed cells.
/// </summary>
internal static class KernelComparison
{
    private static readonly TimeSpan CellTimeLimit = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args, string root)
    {
        var repeat = 3;
        var jobs = 1;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--repeat" && i + 1 < args.Length) repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--kernel-jobs" && i + 1 < args.Length) jobs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else paths.Add(args[i]);
        }
        // By default the notebooks directly in exercises/ (not the instructor sources under it) and in notebooks/.
        var runs = paths.Count > 0
            ? paths.Select(p => (Name: Path.GetFileName(Path.TrimEndingDirectorySeparator(p)), Files: Notebooks(p))).Where(s => s.Files.Count > 0).ToList()
            : [("exercises", TopLevel(Path.Combine(root, "exercises"))), ("lessons", TopLevel(Path.Combine(root, "notebooks")))];
        if (runs.Count == 0)
        {
            Console.Error.WriteLine($"No .ipynb notebooks under {string.Join(", ", paths)}.");
            return 2;
        }
        if (runs.Count > 1) runs.Add(("all", runs.SelectMany(r => r.Files).Distinct().ToList()));

        var library = Path.Combine(root, "src", "CourseKit", "bin", "Debug", "net8.0", "CourseKit.dll");
        if (!File.Exists(library))
            Console.Error.WriteLine($"warning: {library} is missing; the notebooks' setup cell needs it: dotnet build CourseKit.sln");
        var outRoot = Path.Combine(root, "out", "vs-kernel");
        if (Directory.Exists(outRoot)) Directory.Delete(outRoot, recursive: true);
        Directory.CreateDirectory(outRoot);

        Console.WriteLine(Invariant($"Kit runner vs the real .NET Interactive kernel, {DateTime.Now:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}"));
        Console.WriteLine($"load average at start: {LoadAverage()}");
        Console.WriteLine(Invariant($"kit:    one fresh process per set running the notebooks as `coursekit run` does (RunPipeline, {Environment.ProcessorCount} side by side; workers started by the run, reused within it)"));
        Console.WriteLine(Invariant($"kernel: `jupyter-nbconvert --execute --allow-errors`, kernel .net-csharp, one per notebook, {jobs} at a time"));
        Console.WriteLine();

        // Start to first result, kit and kernel in turn, so that other load on the machine hits both alike.
        var kitFirst = new List<(double Launch, double Runner, string Value)>();
        var kernelFirst = new List<(double Info, double Result, double Total, string Value, int Retries)>();
        for (var i = 0; i < repeat; i++)
        {
            var (launch, kit) = await RunSelfAsync("--kit-first-result");
            kitFirst.Add((launch, kit["seconds"]!.GetValue<double>(), (string?)kit["value"] ?? ""));
            var kernel = (await RunHelperAsync(root, "first-result", "--repeat", "1"))["runs"]![0]!;
            kernelFirst.Add((kernel["start_to_info"]!.GetValue<double>(), kernel["info_to_result"]!.GetValue<double>(),
                kernel["start_to_result"]!.GetValue<double>(), (string?)kernel["value"] ?? "", kernel["retries"]!.GetValue<int>()));
        }
        Console.WriteLine(Invariant($"Start to first result of `1 + 1`, median of {repeat} (each run in brackets):"));
        FirstResultLine("kernel: start_kernel → kernel_info reply", kernelFirst.Select(k => k.Info));
        FirstResultLine("kernel: kernel_info reply → execute_result", kernelFirst.Select(k => k.Result));
        FirstResultLine("kernel: start_kernel → execute_result", kernelFirst.Select(k => k.Total));
        FirstResultLine("kit: process launch → result", kitFirst.Select(k => k.Launch));
        FirstResultLine("kit: runner start → result (in process)", kitFirst.Select(k => k.Runner));
        Console.WriteLine($"  values: kernel {string.Join(", ", kernelFirst.Select(k => Quote(k.Value)))}; kit {string.Join(", ", kitFirst.Select(k => Quote(k.Value)))}");
        if (kernelFirst.Sum(k => k.Retries) is > 0 and var restarts)
            Console.WriteLine($"  kernel started again {restarts} times after it died at start (port clash); those tries are not timed");
        Console.WriteLine();

        var rows = new List<string>();
        var outcomes = new List<string>();
        var details = new List<string>();
        foreach (var (name, files) in runs)
        {
            var kitOut = Path.Combine(outRoot, name, "kit");
            var kernelOut = Path.Combine(outRoot, name, "kernel");
            var (kitWall, kit) = await RunSelfAsync(["--kit-run", kitOut, .. files]);
            var kernel = await RunHelperAsync(root, ["notebooks", "--out", kernelOut, "--jobs", jobs.ToString(CultureInfo.InvariantCulture), .. files]);
            // Tries whose kernel died at start on a port clash (with another kernel on the machine) are not the
            // kernel's time; subtracted here, which is exact when the notebooks run one at a time.
            var clashSeconds = kernel["clash_seconds"]!.GetValue<double>();
            var kernelWall = kernel["seconds"]!.GetValue<double>() - clashSeconds;

            var kitNotebooks = kit["notebooks"]!.AsArray();
            var kernelNotebooks = kernel["notebooks"]!.AsArray();
            var kitCounts = Counts.Zero;
            var kernelCounts = Counts.Zero;
            var kitFailed = 0;
            var kernelFailed = 0;
            var kernelRetries = 0;
            var kernelInCells = 0.0;
            details.Add($"{name}:");
            for (var i = 0; i < files.Count; i++)
            {
                var k = kitNotebooks[i]!;
                var j = kernelNotebooks[i]!;
                var kc = Counts.Of((string)k["output"]!);
                var jc = Counts.Of((string)j["output"]!);
                kitCounts += kc;
                kernelCounts += jc;
                var status = (string)k["status"]!;
                if (status != nameof(NotebookStatus.Passed)) kitFailed++;
                var exit = j["exit_code"]!.GetValue<int>();
                if (exit != 0) kernelFailed++;
                var (inCells, setup) = KernelCellSeconds((string)j["output"]!);
                var retries = j["retries"]!.GetValue<int>();
                kernelRetries += retries;
                kernelInCells += inCells;
                details.Add(Invariant($"  {Path.GetRelativePath(root, files[i])}"));
                details.Add(Invariant($"    kit    {k["seconds"]!.GetValue<double>(),6:0.00} s  {status}, {kc}")
                    + ((string?)k["message"] is { } message ? $": {message}" : ""));
                details.Add(Invariant($"    kernel {j["seconds"]!.GetValue<double>(),6:0.00} s  exit code {exit}, {jc}; in cells {inCells:0.00} s, of which the first code cell {setup:0.00} s")
                    + (retries > 0 ? Invariant($"; the kernel died at start (port clash) {retries} times before, {j["clash_seconds"]!.GetValue<double>():0.00} s not counted") : ""));
            }
            rows.Add(Invariant($"{name,-12} {files.Count,9} {kitWall,7:0.00} {kit["seconds"]!.GetValue<double>(),12:0.00} {kernelWall,9:0.00} {kernelWall / kitWall,11:0.0}×"));
            outcomes.Add(Invariant($"{name,-12} kit: {kitFailed} failed, {kitCounts};  kernel: {kernelFailed} failed, {kernelCounts}, {kernelInCells:0.00} s in cells")
                + (kernelRetries > 0 ? Invariant($", {kernelRetries} tries died at start on a port clash ({clashSeconds:0.00} s, not counted)") : ""));
        }
        Console.WriteLine("Wall time per set (kit: process launch to exit; kernel: first nbconvert launch to last exit,");
        Console.WriteLine("without tries whose kernel died at start on a port clash):");
        Console.WriteLine("set          notebooks   kit s  (in-proc s)  kernel s   kernel/kit");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine("What each engine ran (a like-for-like comparison needs the same cells run and the same errors):");
        outcomes.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("Per notebook (kit: time in the runner; kernel: the nbconvert process):");
        details.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine($"load average at end: {LoadAverage()}");
        Console.WriteLine($"executed notebooks and nbconvert logs: {outRoot}");
        return 0;
    }

    /// <summary>
    /// Child process: runs the notebook files as `coursekit run --out DIR` does, cold, and prints a JSON report. Each
    /// is written to DIR/&lt;index&gt;/&lt;name&gt;, as kernel_bench.py does, so notebooks of the same name never clash.
    /// </summary>
    public static async Task<int> KitRunAsync(string outDir, string[] paths)
    {
        var clock = Stopwatch.StartNew();
        var files = paths.Select((p, i) => new NotebookFile(p, null)
            { OutputName = Path.Combine(i.ToString(CultureInfo.InvariantCulture), Path.GetFileName(p)) }).ToList();
        IReadOnlyList<NotebookReport> reports;
        await using (var pipeline = new RunPipeline(new RunSettings(outDir, null, CellTimeLimit) { Packages = CoursePackages.All }))
            reports = await pipeline.RunAllAsync(files);
        var seconds = clock.Elapsed.TotalSeconds;
        var notebooks = new JsonArray();
        for (var i = 0; i < files.Count; i++)
            notebooks.Add(new JsonObject
            {
                ["path"] = files[i].Path,
                ["output"] = Path.Combine(outDir, files[i].OutputName),
                ["status"] = reports[i].Status.ToString(),
                ["message"] = reports[i].Message,
                ["seconds"] = reports[i].Elapsed.TotalSeconds,
            });
        Console.WriteLine(new JsonObject { ["seconds"] = seconds, ["notebooks"] = notebooks }.ToJsonString());
        return 0;
    }

    /// <summary>Child process: a runner with a cold worker runs one cell `1 + 1`; prints the time to its result.</summary>
    public static async Task<int> KitFirstResultAsync()
    {
        var clock = Stopwatch.StartNew();
        await using var workers = new WorkerPool();
        var result = await new NotebookRunner(workers).RunAsync(Path.GetTempPath(), [new CellToRun(1, "csharp", "1 + 1")],
            new RunOptions(CellTimeLimit) { Packages = CoursePackages.All });
        var seconds = clock.Elapsed.TotalSeconds;
        var shown = result.Executions.SelectMany(e => e.Outputs).OfType<CellOutput.Display>().FirstOrDefault(d => d.IsResult);
        var value = shown is not null && shown.Data.TryGetValue("text/plain", out var text) ? text : result.Failure?.Reason ?? "";
        Console.WriteLine(new JsonObject { ["seconds"] = seconds, ["value"] = value }.ToJsonString());
        Console.Out.Flush();
        return 0;
    }

    /// <summary>
    /// Seconds the kernel spent in cells (execute_input to execute_reply, as nbclient records them in each cell's
    /// metadata), all code cells and the first one (the setup cell with the #r lines).
    /// </summary>
    private static (double All, double First) KernelCellSeconds(string path)
    {
        if (!File.Exists(path)) return (0, 0);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var all = 0.0;
        double? first = null;
        foreach (var cell in document.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() != "code") continue;
            var seconds = 0.0;
            if (cell.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("execution", out var execution)
                && execution.TryGetProperty("iopub.execute_input", out var input) && execution.TryGetProperty("shell.execute_reply", out var reply))
                seconds = Math.Max(0, (reply.GetDateTimeOffset() - input.GetDateTimeOffset()).TotalSeconds);
            all += seconds;
            first ??= seconds;
        }
        return (all, first ?? 0);
    }

    private static List<string> TopLevel(string folder) =>
        Directory.EnumerateFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList();

    // As `coursekit run` finds them (folders searched recursively); only .ipynb, which nbconvert can run.
    private static List<string> Notebooks(string path) =>
        NotebookFiles.Expand([path])
            .Where(f => f.Problem is null && Path.GetExtension(f.Path).Equals(".ipynb", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetFullPath(f.Path))
            .ToList();

    /// <summary>Runs this benchmark again with <paramref name="args"/>; returns the seconds until its JSON line arrived, and the line.</summary>
    private static async Task<(double Seconds, JsonNode Report)> RunSelfAsync(params string[] args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self);
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(KernelComparison).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return await RunAsync(start);
    }

    private static async Task<JsonNode> RunHelperAsync(string root, params string[] args)
    {
        var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
        start.ArgumentList.Add(Path.Combine(root, "bench", "kernel_bench.py"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return (await RunAsync(start)).Report;
    }

    private static async Task<(double Seconds, JsonNode Report)> RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        double? seconds = null;
        JsonNode? report = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (report is not null || !line.StartsWith('{')) continue;
            seconds = clock.Elapsed.TotalSeconds;
            report = JsonNode.Parse(line);
        }
        await process.WaitForExitAsync();
        var wall = clock.Elapsed.TotalSeconds;
        var stderr = await errors;
        if (process.ExitCode != 0 || report is null)
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} ended with {process.ExitCode}:\n{stderr}");
        // The kit's first result counts until the line arrives; a whole run until the process has exited.
        return (start.ArgumentList.Contains("--kit-first-result") ? seconds!.Value : wall, report);
    }

    private static void FirstResultLine(string what, IEnumerable<double> values)
    {
        var list = values.ToList();
        Console.WriteLine(Invariant($"  {what,-44} {Median(list),6:0.00} s  ({string.Join(", ", list.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))})"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Quote(string value) => "\"" + (value.Length > 40 ? value[..37] + "..." : value) + "\"";

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Code cells, those with an execution count, and error outputs in an executed notebook.</summary>
    private readonly record struct Counts(int Cells, int Executed, int Errors, int Missing)
    {
        public static Counts Zero => default;

        public static Counts operator +(Counts a, Counts b) =>
            new(a.Cells + b.Cells, a.Executed + b.Executed, a.Errors + b.Errors, a.Missing + b.Missing);

        public static Counts Of(string path)
        {
            if (!File.Exists(path)) return new(0, 0, 0, 1);
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var cells = 0;
            var executed = 0;
            var errors = 0;
            foreach (var cell in document.RootElement.GetProperty("cells").EnumerateArray())
            {
                if (cell.GetProperty("cell_type").GetString() != "code") continue;
                cells++;
                if (cell.TryGetProperty("execution_count", out var count) && count.ValueKind == JsonValueKind.Number) executed++;
                if (!cell.TryGetProperty("outputs", out var outputs)) continue;
                errors += outputs.EnumerateArray().Count(o => o.GetProperty("output_type").GetString() == "error");
            }
            return new(cells, executed, errors, 0);
        }

        public override string ToString() =>
            Invariant($"{Errors} error outputs, {Executed}/{Cells} code cells run") + (Missing > 0 ? $", {Missing} not written" : "");
    }
}
