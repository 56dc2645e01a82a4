using System.Diagnostics;

namespace CourseKit.Tests.Support;

/// <summary>Loads a local page in headless Debian chromium with every host unresolvable, and returns the DOM after scripts ran.</summary>
public static class ChromiumDom
{
    public const string Executable = "/usr/bin/chromium";

    public static string Dump(string htmlPath)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException("chromium is not installed: apt-get install chromium (.ci/run does this).");
        using var profile = new TempFolder();
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                     "--disable-background-networking", "--disable-component-update", "--disable-quic",
                     "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={profile.Path}",
                     "--virtual-time-budget=10000", "--dump-dom", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
                 })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000)) process.Kill(true);
        _ = stderr.Result;
        return dom;
    }
}
