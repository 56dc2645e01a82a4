using System.Diagnostics;

namespace CourseKit.Tests.Support;

/// <summary>Runs the built <c>coursekit</c> command as a user would, capturing its output and exit code.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Starts the command without waiting for it; its output is read and dropped.</summary>
    public static Process Start(params string[] arguments)
    {
        var process = Process.Start(StartInfo(arguments))!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CourseKit.Cli.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }
}
