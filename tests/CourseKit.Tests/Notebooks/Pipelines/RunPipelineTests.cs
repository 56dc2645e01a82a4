using CourseKit.Checking;
using System.Text.RegularExpressions;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Pipelines;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Notebooks.Pipelines;

[Trait("Category", "Slow")]
public class RunPipelineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private RunSettings Settings(int seconds = 60) =>
        new(_folder.PathOf("out"), _folder.PathOf("html"), TimeSpan.FromSeconds(seconds)) { Packages = CoursePackages.All, Charts = CoursePages.Charts };

    private string WriteNotebook(string name, params (string Kernel, string Source)[] cells)
    {
        var notebook = Notebook.CreatePolyglot();
        foreach (var (kernel, source) in cells)
        {
            if (kernel == "markdown") notebook.AddMarkdown(source);
            else notebook.AddCode(source, kernel);
        }
        var path = _folder.PathOf(name);
        notebook.Save(path);
        return path;
    }

    private static readonly string LoadKit =
        "#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\n" +
        $"#r \"{RepoPaths.Combine("src", "CourseKit", "bin", "Debug", "net8.0", "CourseKit.dll")}\"\n" +
        "using CourseKit.Data;\nusing CourseKit.Charting;";

    [Fact]
    public async Task A_notebook_with_a_chart_becomes_a_valid_executed_notebook_and_an_offline_page()
    {
        var path = WriteNotebook("charts.ipynb",
            ("markdown", "# Charts\n\nThe **radar** of seed 000."),
            ("csharp", LoadKit),
            ("csharp", "foreach (var t in CourseData.SeedTrends()) Console.WriteLine(t.Verdict.SummaryLine);"),
            ("csharp", "Charts.Radar(CourseData.SeedTrends().Select(t => t.Scores))"),
            ("csharp", "display(Charts.TrendMap());"),
            ("mermaid", "flowchart LR\n    A[\"Capability change\"] --> B[\"Cost change\"]"));
        await using var pipeline = new RunPipeline(Settings());

        var report = await pipeline.RunAsync(path);

        Assert.Equal(NotebookStatus.Passed, report.Status);
        Assert.Equal(6, report.Cells);
        var executed = _folder.PathOf("out/charts.ipynb");
        Assert.Null(NbformatValidator.Problems(executed));
        var text = File.ReadAllText(executed);
        Assert.Contains("multimodal: total=32, strongest_change=ability\\n", text);
        Assert.Contains("\"application/vnd.plotly.v1+json\": {", text);

        var page = File.ReadAllText(_folder.PathOf("html/charts.html"));
        Assert.Single(Regex.Matches(page, "/\\*! For license information please see plotly.min.js"));
        Assert.DoesNotMatch("<script[^>]+src=", page);
        Assert.Contains("<strong>radar</strong>", page);
        Assert.Contains("<pre class=\"mermaid\">flowchart LR", page);

        var dom = ChromiumDom.Dump(_folder.PathOf("html/charts.html"));
        Assert.Equal(2, Regex.Matches(dom, "class=\"[^\"]*js-plotly-plot").Count);
        Assert.Matches("<section class=\"mermaid\">\\s*<pre class=\"mermaid\"[^>]*><svg[\\s\\S]*Capability change[\\s\\S]*Cost change[\\s\\S]*</svg>", dom);
    }

    [Fact]
    public async Task A_failing_cell_is_reported_with_its_number_and_first_line_and_kept_in_the_output()
    {
        var path = WriteNotebook("fails.ipynb",
            ("markdown", "# Title"),
            ("csharp", "var ok = 1;"),
            ("csharp", "// divide\nvar zero = 0;\nvar boom = ok / zero;"),
            ("csharp", "var never = 2;"));
        await using var pipeline = new RunPipeline(Settings());

        var report = await pipeline.RunAsync(path);

        Assert.Equal(NotebookStatus.Failed, report.Status);
        Assert.Equal("cell 3 (\"// divide\"): System.DivideByZeroException: Attempted to divide by zero.", report.Message);
        var executed = Notebook.Load(_folder.PathOf("out/fails.ipynb"));
        Assert.Equal("error", (string?)executed.Cells[2].Outputs.Single()!["output_type"]);
        Assert.Contains("   in cell 3, line 3", executed.Cells[2].Outputs.Single()!["traceback"]!.AsArray().Select(t => (string?)t));
        Assert.Null(executed.Cells[3].ExecutionCount);
        Assert.Null(NbformatValidator.Problems(_folder.PathOf("out/fails.ipynb")));
    }

    [Fact]
    public async Task Bad_input_is_one_line_and_produces_no_output()
    {
        await using var pipeline = new RunPipeline(Settings());

        var notJson = await pipeline.RunAsync(Fixtures.Notebook("not-json.ipynb"));
        var old = await pipeline.RunAsync(Fixtures.Notebook("nbformat3.ipynb"));
        var empty = await pipeline.RunAsync(Fixtures.Notebook("no-cells.ipynb"));

        Assert.Equal((NotebookStatus.BadInput, "not valid JSON (line 1, position 12); expected an nbformat 4 notebook."), (notJson.Status, notJson.Message));
        Assert.Equal("it is nbformat 3; only nbformat 4 is supported.", old.Message);
        Assert.Equal("the notebook has no cells.", empty.Message);
        Assert.False(Directory.Exists(_folder.PathOf("out")));
    }

    [Fact]
    public void Notebooks_in_subfolders_keep_their_place_and_clashing_outputs_are_refused()
    {
        foreach (var folder in new[] { "one/course/source", "two/course" })
            Directory.CreateDirectory(_folder.PathOf(folder));
        File.Copy(Fixtures.Notebook("sample.dib"), _folder.PathOf("one/course/a.dib"));
        File.Copy(Fixtures.Notebook("sample.dib"), _folder.PathOf("one/course/source/a.dib"));
        File.Copy(Fixtures.Notebook("sample.dib"), _folder.PathOf("two/course/a.dib"));

        var files = NotebookFiles.Expand([_folder.PathOf("one/course"), _folder.PathOf("two/course")]);

        Assert.Equal([Path.Combine("course", "a.ipynb"), Path.Combine("course", "source", "a.ipynb"), Path.Combine("course", "a.ipynb")],
            files.Select(f => f.OutputName));
        Assert.Null(files[1].Problem);
        Assert.Equal($"its outputs would overwrite those of {_folder.PathOf("one/course/a.dib")} ({Path.Combine("course", "a.ipynb")}); rename one or run them separately.",
            files[2].Problem);
    }

    [Fact]
    public void Of_a_dib_and_an_ipynb_of_one_name_the_ipynb_runs_and_the_dib_is_refused()
    {
        Directory.CreateDirectory(_folder.PathOf("course"));
        File.Copy(Fixtures.Notebook("sample.dib"), _folder.PathOf("course/a.dib"));
        File.Copy(Fixtures.Notebook("vscode-saved.ipynb"), _folder.PathOf("course/a.ipynb"));
        File.Copy(Fixtures.Notebook("sample.dib"), _folder.PathOf("course/b.dib"));

        var files = NotebookFiles.Expand([_folder.PathOf("course")]);

        Assert.Equal([_folder.PathOf("course/a.dib"), _folder.PathOf("course/a.ipynb"), _folder.PathOf("course/b.dib")], files.Select(f => f.Path));
        Assert.Equal($"its outputs would overwrite those of {_folder.PathOf("course/a.ipynb")} ({Path.Combine("course", "a.ipynb")}); rename one or run them separately.",
            files[0].Problem);
        Assert.Null(files[1].Problem);
        Assert.Null(files[2].Problem);
        Assert.Equal(Path.Combine("course", "b.ipynb"), files[2].OutputName);
        Assert.Equal("x.ipynb", new NotebookFile("/some/where/x.dib", null).OutputName);
    }

    [Fact]
    public void Paths_expand_to_notebooks_and_missing_paths_are_named()
    {
        var files = NotebookFiles.Expand([Path.Combine(AppContext.BaseDirectory, "Fixtures", "notebooks"), "/nowhere/x.ipynb", Fixtures.Notebook("../../CourseKit.Tests.dll")]);

        Assert.Contains(files, f => f.Path.EndsWith("sample.dib") && f.Problem is null);
        Assert.Contains(new NotebookFile("/nowhere/x.ipynb", "no such file or folder."), files);
        Assert.Contains(files, f => f.OutputName == Path.Combine("notebooks", "sample.ipynb"));
        Assert.True(files.Any(f => f.Problem == "not a notebook; expected a .ipynb or .dib file."), string.Join("\n", files));
    }
}
