using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.RealKernel;

/// <summary>
/// Notebooks the lane runs beside the course to prove what it catches: each loads the library by absolute path,
/// so it runs from a temporary folder.
/// </summary>
public static class Probes
{
    /// <summary>Runs clean in the kit's runner but not in .NET Interactive: no Kit.Setup(), and a nullable annotation.</summary>
    public const string KitOnly = "probes/passes-only-in-the-kit.ipynb";

    /// <summary>A learner's own Plotly.NET.CSharp chart as the first call after the set-up cell.</summary>
    public const string LearnerChartFirst = "probes/learner-chart-first.ipynb";

    /// <summary>A .dib, which nbconvert cannot read: the lane runs its .ipynb form.</summary>
    public const string Dib = "probes/polyglot-cells.dib";

    public static string LibraryPath => RepoPaths.Combine("src", "CourseKit", "bin", "Debug", "net8.0", "CourseKit.dll");

    public static IReadOnlyDictionary<string, string> Write(string folder)
    {
        var reference = $"#r \"{LibraryPath}\"";
        var notebooks = new Dictionary<string, string>
        {
            [KitOnly] = Notebook(
                $"#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n{reference}\nusing CourseKit.Charting;",
                "Charts.TrendMap()",
                "string? note = null;\nConsole.WriteLine(note ?? \"no note\");"),
            [LearnerChartFirst] = Notebook(
                $"#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n{reference}\nCourseKit.Kit.Setup();",
                "Plotly.NET.CSharp.Chart.Column<int, string, string>(values: new[] { 3, 1, 2 }, Keys: new[] { \"a\", \"b\", \"c\" })"),
        };
        notebooks[Dib] = $$$"""
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"name":"csharp"}]}}

            #!markdown

            A .dib notebook.

            #!c#

            #r "nuget: Plotly.NET, 6.0.0"
            #r "nuget: Plotly.NET.Interactive, 6.0.0"
            {{{reference}}}
            CourseKit.Kit.Setup();

            #!csharp

            Console.WriteLine(CourseKit.Judgment.FourDimensionCheck.Evaluate(new CourseKit.Judgment.TrendScores("probe", 7, 8, 6, 9)).SummaryLine);

            """;
        var written = new Dictionary<string, string>();
        foreach (var (name, json) in notebooks)
        {
            var path = Path.Combine(folder, Path.GetFileName(name));
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, json);
            written[name] = path;
        }
        return written;
    }

    private static string Notebook(params string[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select((source, i) => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["id"] = $"probe-{i + 1}",
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["outputs"] = new JsonArray(),
                ["source"] = source,
            }).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
