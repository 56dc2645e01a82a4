using System.Diagnostics;

namespace CourseKit.Tests.Support;

/// <summary>Validates .ipynb files with Debian's python3-nbformat, an independent implementation.</summary>
public static class NbformatValidator
{
    /// <summary>Returns null when the file is valid nbformat, else the validator's complaint.</summary>
    public static string? Problems(string path)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start /usr/bin/python3; install python3-nbformat.");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (error.Contains("No module named 'nbformat'", StringComparison.Ordinal))
            throw new InvalidOperationException("python3-nbformat is not installed: apt-get install python3-nbformat (.ci/run does this).");
        return process.ExitCode == 0 ? null : error.Trim();
    }
}
