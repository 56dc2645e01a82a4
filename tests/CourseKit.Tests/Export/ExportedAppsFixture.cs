using CourseKit.Checking;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Pipelines;
using CourseKit.Tests.Course;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Export;

/// <summary>An exported app: its SDK build and its run (with cell markers), or its one-step <c>dotnet run</c>.</summary>
public sealed record AppRun(string App, FileBasedApp.Result Build, FileBasedApp.Result? Run);

/// <summary>
/// Exports the whole course and two probe notebooks with <c>coursekit export</c> into a folder under the repository's
/// <c>out/</c> (inside a git repository whose props pin package versions centrally and make warnings errors, the harder
/// place for an app), then builds and runs every app, a few side by side.
/// </summary>
public sealed class ExportedAppsFixture : IAsyncLifetime
{
    /// <summary>Cells that exercise the app runtime: display(x), x.Display(), values, tables, a learner's chart twice, await, void and null results, stderr.</summary>
    public static readonly (string Kernel, string Source)[] FeatureCells =
    [
        ("markdown", "# What an app shows"),
        ("csharp", "#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\nusing Microsoft.Data.Analysis;"),
        ("csharp", "display(\"shown by display\");\n\"shown by Display\".Display();\nConsole.Write(\"no line end\");\nConsole.WriteLine(\" then one\");\n1.5 * 2"),
        ("csharp", "record Trend(string Name, int Score);\nvar trends = new[] { new Trend(\"a\", 1), new Trend(\"b\", 2) };\ntrends"),
        ("csharp", "var frame = new DataFrame(new StringDataFrameColumn(\"name\", new[] { \"x\", \"y\" }), new Int32DataFrameColumn(\"n\", new[] { 1, 2 }));\nframe"),
        ("csharp", "var chart = Plotly.NET.CSharp.Chart.Column<int, string, string>(values: new[] { 3, 1, 2 }, Keys: new[] { \"a\", \"b\", \"c\" });\ndisplay(chart);\nchart"),
        ("mermaid", "flowchart LR\n    A --> B"),
        ("csharp", "async Task<int> LaterAsync() { await Task.Delay(1); return 7; }\nawait LaterAsync()"),
        ("csharp", "Console.WriteLine(\"a void last expression\")"),
        ("csharp", "string nothing = null;\nConsole.Error.WriteLine(\"to stderr\");\nnothing"),
    ];

    /// <summary>Cell 3, line 2 does not compile.</summary>
    public static readonly (string Kernel, string Source)[] BrokenCells =
    [
        ("markdown", "# Broken"),
        ("csharp", "var fine = 1;"),
        ("csharp", "var a = fine;\nint b = \"text\";"),
    ];

    private readonly string _folder = RepoPaths.Out("export-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string Apps => Path.Combine(_folder, "apps");

    public string FeaturesApp => Path.Combine(Apps, "features.cs");

    public string BrokenApp => Path.Combine(Apps, "broken.cs");

    public CliProcess.Result Export { get; private set; } = null!;

    public Notebook FeaturesExecuted { get; private set; } = null!;

    public IReadOnlyDictionary<string, AppRun> Runs { get; private set; } = new Dictionary<string, AppRun>();

    /// <summary>How long exporting, and building and running the apps, took.</summary>
    public string Timings { get; private set; } = "";

    /// <summary>Where the app of a course notebook (its path relative to the repository) was written.</summary>
    public string AppOf(string notebook) => Path.Combine(Apps, Path.ChangeExtension(notebook, ".cs"));

    public async Task InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var features = Save("features.ipynb", FeatureCells);
        var broken = Save("broken.ipynb", BrokenCells);
        Export = await CliProcess.RunAsync("export", RepoPaths.Combine("notebooks"), RepoPaths.Combine("exercises"), features, broken, "--out", Apps);

        await using (var pipeline = new RunPipeline(new RunSettings(Path.Combine(_folder, "executed"), null, TimeSpan.FromSeconds(60)) { Packages = CoursePackages.All }))
        {
            await pipeline.RunAsync(features);
        }
        FeaturesExecuted = Notebook.Load(Path.Combine(_folder, "executed", "features.ipynb"));

        var exported = clock.Elapsed;
        var apps = Directory.EnumerateFiles(Apps, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var parallel = Environment.ProcessorCount + 1;
        using var slots = new SemaphoreSlim(parallel);
        var runs = await Task.WhenAll(apps.Select(async app =>
        {
            await slots.WaitAsync();
            try
            {
                if (app == BrokenApp) return new AppRun(app, await FileBasedApp.RunAsync(app), null);
                var build = await FileBasedApp.BuildAsync(app);
                return new AppRun(app, build, build.ExitCode == 0 ? await FileBasedApp.RunBuiltAsync(app, cellMarkers: true) : null);
            }
            finally
            {
                slots.Release();
            }
        }));
        Runs = runs.ToDictionary(r => r.App);
        Timings = $"export and the probe's coursekit run {exported.TotalSeconds:0} s; {apps.Count} apps built and run, {parallel} at a time, in {(clock.Elapsed - exported).TotalSeconds:0} s";
    }

    private string Save(string name, (string Kernel, string Source)[] cells)
    {
        var notebook = Notebook.CreatePolyglot();
        foreach (var (kernel, source) in cells)
        {
            if (kernel == "markdown") notebook.AddMarkdown(source);
            else notebook.AddCode(source, kernel);
        }
        var path = Path.Combine(_folder, "input", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        notebook.Save(path);
        return path;
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(Runs.Keys.Select(FileBasedApp.DeleteBuildAsync));
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
