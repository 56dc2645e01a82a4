using System.Diagnostics;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Kernel;

/// <summary>
/// The kernelspec installed by <c>coursekit kernel install --prefix</c> into a temporary folder, and the Python tools
/// that drive it. JUPYTER_PATH points the tools there, so the tests never touch the user's kernels. It is installed by
/// the CLI in its own build folder, as a student's <c>coursekit kernel install</c> is, so the kernel under test is the
/// one students get: the ReadyToRun copy beside that CLI where the build made one (the test folder has none).
/// </summary>
public sealed class KernelFixture : IDisposable
{
    public const string Python = "/usr/bin/python3";

    private readonly TempFolder _prefix = new();

    public KernelFixture()
    {
        Install = RunAsync("dotnet", "exec", CliDll, "kernel", "install", "--prefix", _prefix.Path).GetAwaiter().GetResult();
        MissingPython = Missing("jupyter_client");
        MissingKernelTest = MissingPython ?? Missing("jupyter_kernel_test");
        MissingNbconvert = File.Exists("/usr/bin/jupyter-nbconvert") ? null : "jupyter-nbconvert is missing (Debian package jupyter-nbconvert).";
    }

    public (int Exit, string Output) Install { get; }

    /// <summary>The CLI in its own build folder, of the configuration these tests were built in.</summary>
    public static string CliDll { get; } = CliIn(new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)));

    // The tests run from tests/CourseKit.Tests/bin/CONFIGURATION/FRAMEWORK/; the CLI builds into the same two folders.
    private static string CliIn(DirectoryInfo tests) =>
        RepoPaths.Combine("src", "CourseKit.Cli", "bin", tests.Parent!.Name, tests.Name, "CourseKit.Cli.dll");

    /// <summary>The kernel's ReadyToRun copy the build makes beside the CLI (src/CourseKit.Kernel/ReadyToRun.targets).</summary>
    public static string ReadyToRunCliDll => Path.Combine(Path.GetDirectoryName(CliDll)!, "kernel-r2r", "CourseKit.Cli.dll");

    public string JupyterPath => Path.Combine(_prefix.Path, "share", "jupyter");

    public string KernelJson => Path.Combine(JupyterPath, "kernels", "coursekit-csharp", "kernel.json");

    /// <summary>Why the Python-driven tests cannot run here, or null.</summary>
    public string? MissingPython { get; }

    /// <summary>Why the conformance tests cannot run here (Debian's python3-jupyter-kernel-test), or null.</summary>
    public string? MissingKernelTest { get; }

    public string? MissingNbconvert { get; }

    public static string Script(string name) => RepoPaths.Combine("tests", "CourseKit.Tests", "Kernel", "python", name);

    public Task<(int Exit, string Output)> RunAsync(string program, params string[] arguments) => RunInAsync(null, program, arguments);

    public async Task<(int Exit, string Output)> RunInAsync(string? workingDirectory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
            Environment = { ["JUPYTER_PATH"] = JupyterPath, ["PYTHONDONTWRITEBYTECODE"] = "1" },
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? Missing(params string[] modules)
    {
        if (!File.Exists(Python)) return $"{Python} is missing.";
        var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import " + string.Join(", ", modules)])
            { RedirectStandardError = true, RedirectStandardOutput = true })!;
        check.WaitForExit();
        return check.ExitCode == 0 ? null
            : $"{Python} lacks {string.Join(" or ", modules)} (Debian packages python3-jupyter-client, python3-jupyter-kernel-test).";
    }

    public void Dispose() => _prefix.Dispose();
}
