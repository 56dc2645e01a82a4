using System.Diagnostics;
using System.Text.Json;

namespace CourseKit.Tests.Support;

/// <summary>Reads a CSV file with Python's csv module (strict mode), an independent reader that treats quoting as spreadsheets do.</summary>
public static class PythonCsv
{
    public static IReadOnlyList<IReadOnlyList<string>> Read(string path)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8-sig') as f: print(json.dumps(list(csv.reader(f, strict=True))))");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start /usr/bin/python3.");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"python3's csv module could not read {path}: {error.Trim()}");
        return JsonSerializer.Deserialize<List<List<string>>>(output)!;
    }
}
