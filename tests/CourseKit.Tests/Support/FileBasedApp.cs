using System.Diagnostics;

namespace CourseKit.Tests.Support;

/// <summary>
/// Builds and runs a C# file-based app with the SDK, as a user does (<c>dotnet build app.cs</c>, <c>dotnet run app.cs</c>).
/// The projects an exported app references are those this test build already built, so they are not built again
/// (apps built side by side would otherwise build them at the same time). The SDK keeps each app's build in a folder
/// of its own, which <see cref="DeleteBuildAsync"/> removes.
/// </summary>
public static class FileBasedApp
{
    public sealed record Result(int ExitCode, string Output, string Error);

    // The kit's projects are built by the test build in Debug; only then can an app skip building them.
    private static bool ReferencesBuilt =>
        File.Exists(RepoPaths.Combine("src", "CourseKit.Apps", "bin", "Debug", "net10.0", "CourseKit.Apps.dll")) &&
        File.Exists(RepoPaths.Combine("src", "CourseKit.Exercises", "bin", "Debug", "net8.0", "CourseKit.Exercises.dll"));

    public static Task<Result> BuildAsync(string app) =>
        DotnetAsync(app, null, ["build", .. NoReferenceBuild(), Path.GetFileName(app)]);

    /// <summary>Runs an app already built; with <paramref name="cellMarkers"/> it marks where each cell's output starts.</summary>
    public static Task<Result> RunBuiltAsync(string app, bool cellMarkers) =>
        DotnetAsync(app, cellMarkers ? "1" : null, ["run", "--no-build", Path.GetFileName(app)]);

    /// <summary>Builds and runs an app in one step, as <c>dotnet run app.cs</c> does.</summary>
    public static Task<Result> RunAsync(string app) =>
        DotnetAsync(app, null, ["run", .. NoReferenceBuild(), Path.GetFileName(app)]);

    /// <summary>Removes the SDK's build of the app: the folder the SDK gives for it, under its runfile folder.</summary>
    public static async Task DeleteBuildAsync(string app)
    {
        var asked = await DotnetAsync(app, null, ["build", Path.GetFileName(app), "-getProperty:ArtifactsPath"]);
        // One property asked for comes back as its bare value.
        var folder = asked.ExitCode == 0 ? asked.Output.Trim() : "";
        if (!folder.Contains("/runfile/", StringComparison.Ordinal) || !Directory.Exists(folder)) return;
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string[] NoReferenceBuild() => ReferencesBuilt ? ["--property:BuildProjectReferences=false"] : [];

    private static async Task<Result> DotnetAsync(string app, string? cellMarkers, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1"; // no build nodes left running after the test
        start.Environment[CourseKit.Apps.NotebookApp.CellMarkersVariable] = cellMarkers;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, await error);
    }
}
