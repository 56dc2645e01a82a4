using System.Diagnostics;
using System.Text.Json;
using CourseKit.Grading.Sharding;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>
/// The shipped batch files: <c>deploy/kubernetes/*.yaml</c> parse (PyYAML) into an Indexed Job whose pods' command, run
/// by <c>sh</c> with the index Kubernetes sets, calls <c>coursekit grade --shard K/N</c> with the Job's own N, and a
/// merge Job over every shard; <c>deploy/slurm/grade-array.sh</c> passes <c>bash -n</c>, submits an array of N tasks and a
/// merge that depends on it, and each task grades the shard of its <c>SLURM_ARRAY_TASK_ID</c>. A stub stands in for
/// <c>coursekit</c> and <c>sbatch</c> and records its arguments.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DeployTests : IDisposable
{
    private static readonly string Kubernetes = RepoPaths.Combine("deploy", "kubernetes");
    private static readonly string SlurmScript = RepoPaths.Combine("deploy", "slurm", "grade-array.sh");

    private readonly TempFolder _temp = new();

    public DeployTests()
    {
        // Stubs: each call appends "name arg1 arg2 …" (one argument per line) to calls.log; sbatch answers a job id.
        Stub("coursekit", "");
        Stub("sbatch", "echo $((4199 + $(grep -c '^== sbatch' \"$LOG\")))");
    }

    public void Dispose() => _temp.Dispose();

    private string Log => _temp.PathOf("calls.log");

    private void Stub(string name, string answer)
    {
        var path = _temp.Write($"bin/{name}", $"#!/bin/sh\n{{ echo \"== {name}\"; for a in \"$@\"; do echo \"$a\"; done; }} >> \"$LOG\"\n{answer}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The recorded calls, each as its arguments.</summary>
    private List<(string Name, List<string> Arguments)> Calls()
    {
        var calls = new List<(string, List<string>)>();
        foreach (var line in File.Exists(Log) ? File.ReadAllLines(Log) : [])
        {
            if (line.StartsWith("== ", StringComparison.Ordinal)) calls.Add((line[3..], []));
            else calls[^1].Item2.Add(line);
        }
        return calls;
    }

    private (int ExitCode, string Output, string Error) Run(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _temp.Path };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PATH"] = _temp.PathOf("bin") + ":/usr/bin:/bin";
        start.Environment["LOG"] = Log;
        foreach (var name in new[] { "SLURM_ARRAY_TASK_ID", "COURSEKIT", "COURSEKIT_SUBMISSIONS", "COURSEKIT_WORK", "COURSEKIT_SHARDS", "COURSEKIT_GRADE_OPTIONS", "JOB_COMPLETION_INDEX" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    private static JsonElement Yaml(string file)
    {
        Skip.IfNot(File.Exists("/usr/bin/python3"), "/usr/bin/python3 is not installed");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import json, sys\ntry:\n    import yaml\nexcept ImportError:\n    sys.exit(3)\nprint(json.dumps(list(yaml.safe_load_all(open(sys.argv[1])))))");
        start.ArgumentList.Add(Path.Combine(Kubernetes, file));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Skip.If(process.ExitCode == 3, "PyYAML is not installed for /usr/bin/python3 (Debian: python3-yaml)");
        Assert.True(process.ExitCode == 0, $"{file} does not parse as YAML: {error}");
        return JsonDocument.Parse(output).RootElement;
    }

    private static JsonElement Single(JsonElement documents, string kind) =>
        Assert.Single(documents.EnumerateArray(), d => d.GetProperty("kind").GetString() == kind);

    private static string Env(JsonElement container, string name) =>
        container.GetProperty("env").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name).GetProperty("value").GetString()!;

    // What the container runs: sh -c with the args' script, here with the variables Kubernetes would set.
    private List<string> RunContainer(JsonElement container, Dictionary<string, string> environment)
    {
        Assert.Equal(["sh", "-c"], container.GetProperty("command").EnumerateArray().Select(e => e.GetString()));
        var script = Assert.Single(container.GetProperty("args").EnumerateArray()).GetString()!;
        File.Delete(Log);
        var run = Run("/bin/sh", ["-c", script], environment);
        Assert.True(run.ExitCode == 0, run.Error);
        var call = Assert.Single(Calls());
        Assert.Equal("coursekit", call.Name);
        return call.Arguments;
    }

    [SkippableFact]
    public void The_kubernetes_indexed_job_grades_shard_JOB_COMPLETION_INDEX_of_its_completions()
    {
        var documents = Yaml("grade-job.yaml");
        var job = Single(documents, "Job");
        var spec = job.GetProperty("spec");
        Assert.Equal("Indexed", spec.GetProperty("completionMode").GetString());
        var completions = spec.GetProperty("completions").GetInt32();
        Assert.InRange(spec.GetProperty("parallelism").GetInt32(), 1, completions);
        var pod = spec.GetProperty("template").GetProperty("spec");
        Assert.Equal("Never", pod.GetProperty("restartPolicy").GetString());
        var container = Assert.Single(pod.GetProperty("containers").EnumerateArray());
        Assert.Equal(completions.ToString(System.Globalization.CultureInfo.InvariantCulture), Env(container, "SHARDS"));

        // The volume holds the submissions (read-only) and the shards' outputs, on the claim the file declares.
        var claim = Single(documents, "PersistentVolumeClaim").GetProperty("metadata").GetProperty("name").GetString();
        var volume = Assert.Single(pod.GetProperty("volumes").EnumerateArray());
        Assert.Equal(claim, volume.GetProperty("persistentVolumeClaim").GetProperty("claimName").GetString());
        var mounts = container.GetProperty("volumeMounts").EnumerateArray().ToDictionary(m => m.GetProperty("mountPath").GetString()!);
        Assert.True(mounts["/grading/submissions"].GetProperty("readOnly").GetBoolean());
        Assert.Contains("/grading/shards", mounts.Keys);

        for (var index = 0; index < completions; index++)
        {
            var arguments = RunContainer(container, new() { ["JOB_COMPLETION_INDEX"] = $"{index}", ["SHARDS"] = Env(container, "SHARDS") });
            Assert.Equal(["grade", "/grading/submissions", "--out", $"/grading/shards/{index}", "--shard", $"{index}/{completions}"], arguments);
            Assert.Equal(new Shard(index, completions), Shard.Parse(arguments[^1]));
        }
    }

    [SkippableFact]
    public void The_kubernetes_merge_job_merges_every_shard_folder()
    {
        var shards = Single(Yaml("grade-job.yaml"), "Job").GetProperty("spec").GetProperty("completions").GetInt32();
        var merge = Single(Yaml("merge-job.yaml"), "Job");
        var container = Assert.Single(merge.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers").EnumerateArray());
        Assert.Equal(shards.ToString(System.Globalization.CultureInfo.InvariantCulture), Env(container, "SHARDS"));

        var arguments = RunContainer(container, new() { ["SHARDS"] = Env(container, "SHARDS") });

        Assert.Equal(["grade", "--merge", .. Enumerable.Range(0, shards).Select(k => $"/grading/shards/{k}"), "--out", "/grading/grades"], arguments);
    }

    [Fact]
    public void The_slurm_script_is_valid_bash_with_an_array_header()
    {
        var check = Run("/bin/bash", ["-n", SlurmScript]);
        Assert.True(check.ExitCode == 0, check.Error);
        Assert.Contains(File.ReadAllLines(SlurmScript), l => l.StartsWith("#SBATCH --array=0-", StringComparison.Ordinal));
    }

    [Fact]
    public void Submitting_sends_an_array_of_N_tasks_and_a_merge_that_waits_for_it()
    {
        var submissions = Directory.CreateDirectory(_temp.PathOf("subs")).FullName;

        var submit = Run("/bin/bash", [SlurmScript, "submit", submissions, _temp.PathOf("work"), "5", "--timeout-cell", "20"]);

        Assert.True(submit.ExitCode == 0, submit.Error);
        var calls = Calls();
        Assert.Equal(["sbatch", "sbatch"], calls.Select(c => c.Name));
        Assert.Equal(["--parsable", "--array=0-4", $"--chdir={_temp.PathOf("work")}", SlurmScript], calls[0].Arguments);
        Assert.Equal(["--parsable", "--dependency=afterok:4200", "--job-name=coursekit-merge"], calls[1].Arguments.Take(3));
        Assert.Equal($"--wrap=bash {SlurmScript} merge ", calls[1].Arguments[^1]);
        Assert.Contains("Submitted grading array 4200 (shards 0-4) and merge job 4201", submit.Output);
    }

    [Fact]
    public void An_array_task_grades_the_shard_of_its_task_id_and_the_merge_reads_every_shard()
    {
        var environment = new Dictionary<string, string>
        {
            ["COURSEKIT_SUBMISSIONS"] = "/class/subs", ["COURSEKIT_WORK"] = "/class/work", ["COURSEKIT_SHARDS"] = "4",
            ["COURSEKIT_GRADE_OPTIONS"] = "--timeout-cell 20", ["SLURM_ARRAY_TASK_ID"] = "3",
        };

        var task = Run("/bin/bash", [SlurmScript], environment);
        environment.Remove("SLURM_ARRAY_TASK_ID");
        var merge = Run("/bin/bash", [SlurmScript, "merge"], environment);

        Assert.True(task.ExitCode == 0 && merge.ExitCode == 0, task.Error + merge.Error);
        var calls = Calls();
        Assert.Equal(["grade", "/class/subs", "--out", "/class/work/shards/3", "--shard", "3/4", "--timeout-cell", "20"], calls[0].Arguments);
        Assert.Equal(["grade", "--merge", "/class/work/shards/0", "/class/work/shards/1", "/class/work/shards/2", "/class/work/shards/3", "--out", "/class/work/grades"], calls[1].Arguments);
    }

    [Fact]
    public void The_slurm_script_refuses_a_bad_N_and_a_task_without_its_settings()
    {
        var badN = Run("/bin/bash", [SlurmScript, "submit", _temp.Path, _temp.PathOf("work"), "0"]);
        var unset = Run("/bin/bash", [SlurmScript], new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "1" });

        Assert.Equal((2, "grade-array.sh: N must be a whole number of shards from 1; got '0'."), (badN.ExitCode, badN.Error.Trim()));
        Assert.Equal((2, "grade-array.sh: COURSEKIT_SUBMISSIONS is not set; submit with: bash grade-array.sh submit SUBMISSIONS WORK N"), (unset.ExitCode, unset.Error.Trim()));
        Assert.Empty(Calls());
    }
}
