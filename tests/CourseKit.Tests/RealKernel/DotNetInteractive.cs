using System.Diagnostics;

namespace CourseKit.Tests.RealKernel;

/// <summary>
/// The real engine students run: .NET Interactive's Jupyter kernel (<c>.net-csharp</c>), driven by Debian's
/// <c>jupyter-nbconvert</c>, an independent Jupyter client. <c>scripts/test.sh</c> installs all of it.
/// </summary>
public static class DotNetInteractive
{
    public const string ToolVersion = "1.0.712001";
    public const string KernelName = ".net-csharp";

    /// <summary>Set by <c>scripts/test.sh</c>: a missing kernel then fails the lane instead of skipping it.</summary>
    public const string RequireVariable = "COURSEKIT_REQUIRE_REAL_KERNEL";

    private static readonly string ToolsFolder =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");

    /// <summary>PATH for the kernel's processes: the kernelspec starts <c>dotnet interactive</c>, which needs the tools folder.</summary>
    public static string SearchPath => $"{Environment.GetEnvironmentVariable("PATH")}{Path.PathSeparator}{ToolsFolder}";

    /// <summary>Why the lane cannot run on this machine, or null when everything it needs is here.</summary>
    public static string? Missing { get; } = FindMissing();

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    private static string? FindMissing()
    {
        var missing = new List<string>();
        if (Run("jupyter-nbconvert", ["--version"]) is not (0, _))
            missing.Add("jupyter-nbconvert (Debian package jupyter-nbconvert)");
        var tool = Run("dotnet-interactive", ["--version"]);
        if (tool is not (0, var version))
            missing.Add($"the dotnet-interactive tool {ToolVersion} (dotnet tool install -g Microsoft.dotnet-interactive --version {ToolVersion})");
        else if (!version.Trim().StartsWith(ToolVersion, StringComparison.Ordinal))
            missing.Add($"dotnet-interactive {ToolVersion} (found {version.Trim()})");
        if (Run("/usr/bin/python3", ["-c", $"from jupyter_client.kernelspec import KernelSpecManager; KernelSpecManager().get_kernel_spec('{KernelName}')"]) is not (0, _))
            missing.Add($"the Jupyter kernelspec {KernelName} (mkdir -p ~/.local/share/jupyter/kernels && dotnet interactive jupyter install)");
        return missing.Count == 0 ? null
            : $"The real .NET Interactive kernel lane needs: {string.Join("; ", missing)}. `bash scripts/test.sh` installs them.";
    }

    /// <summary>Executes <paramref name="notebook"/> in the real kernel, writing it to <paramref name="output"/>; errors stay in the outputs.</summary>
    /// <remarks>
    /// The kernelspec has each kernel pick a free HTTP port in 2048–3000 and bind it later, so two kernels starting
    /// together can pick the same port and one dies before its first reply. Only that failure is retried.
    /// </remarks>
    public static async Task<KernelRun> ExecuteAsync(string notebook, string output, TimeSpan cellTimeout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var (exit, text) = await RunAsync("jupyter-nbconvert",
            [
                "--to", "notebook", "--execute", "--allow-errors",
                $"--ExecutePreprocessor.kernel_name={KernelName}",
                $"--ExecutePreprocessor.timeout={(int)cellTimeout.TotalSeconds}",
                "--ExecutePreprocessor.startup_timeout=120",
                "--output-dir", Path.GetDirectoryName(output)!,
                "--output", Path.GetFileNameWithoutExtension(output),
                notebook,
            ]);
            if (exit != 0 && attempt < 4 && text.Contains("address already in use", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt + Random.Shared.NextDouble()));
                continue;
            }
            return new KernelRun(notebook, output, exit, text, clock.Elapsed) { Attempts = attempt };
        }
    }

    private static (int Exit, string Output)? Run(string program, IReadOnlyList<string> arguments)
    {
        try
        {
            return RunAsync(program, arguments).GetAwaiter().GetResult();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PATH"] = SearchPath, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1" },
        };
        // Found on the same PATH the kernel gets, so ~/.dotnet/tools counts even when the caller's PATH lacks it.
        start.FileName = Resolve(program);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Resolve(string program)
    {
        if (Path.IsPathRooted(program)) return program;
        foreach (var folder in SearchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate)) return candidate;
        }
        return program;
    }
}

/// <summary>One notebook executed by nbconvert in the real kernel: the executed file and what nbconvert said.</summary>
public sealed record KernelRun(string Notebook, string Output, int ExitCode, string Log, TimeSpan Elapsed)
{
    /// <summary>How many kernels were started: more than one only after a port clash at start-up.</summary>
    public int Attempts { get; init; } = 1;

    public string? Problem => ExitCode == 0 && File.Exists(Output) ? null
        : $"nbconvert exited with {ExitCode}: {string.Join('\n', Log.Split('\n').TakeLast(15))}";
}
