using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseKit.Notebooks.Documents;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Cli;

[Trait("Category", "Slow")]
public class RunCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Notebook(string name, params string[] csharpCells)
    {
        var notebook = CourseKit.Notebooks.Documents.Notebook.CreatePolyglot();
        notebook.AddMarkdown($"# {name}");
        foreach (var cell in csharpCells) notebook.AddCode(cell);
        var path = _folder.PathOf(name);
        notebook.Save(path);
        return path;
    }

    [Fact]
    public async Task Clean_notebooks_exit_0_and_write_outputs_and_pages_named_after_them()
    {
        var good = Notebook("good.ipynb", "Console.WriteLine(\"hello\");");

        var result = await CliProcess.RunAsync("run", good, Fixtures.Notebook("sample.dib"),
            "--out", _folder.PathOf("out"), "--html", _folder.PathOf("html"));

        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"ok      {Regex.Escape(good)}  2 cells  \d+\.\d s", result.Output);
        Assert.Contains($"ok      {Fixtures.Notebook("sample.dib")}  3 cells", result.Output);
        Assert.Contains("2 of 2 notebooks ran clean.", result.Output);
        Assert.True(File.Exists(_folder.PathOf("out/good.ipynb")));
        Assert.True(File.Exists(_folder.PathOf("html/good.html")));
        Assert.True(File.Exists(_folder.PathOf("html/sample.html")));
        Assert.Null(NbformatValidator.Problems(_folder.PathOf("out/good.ipynb")));
    }

    [Fact]
    public async Task An_executed_dib_is_written_as_an_ipynb_with_its_outputs()
    {
        Directory.CreateDirectory(_folder.PathOf("course/part"));
        File.Copy(Fixtures.Notebook("sample.dib"), _folder.PathOf("course/part/trends.dib"));

        var result = await CliProcess.RunAsync("run", _folder.PathOf("course"), "--out", _folder.PathOf("out"), "--html", _folder.PathOf("html"));

        Assert.True(0 == result.ExitCode, result.Output + result.Error);
        var executed = _folder.PathOf("out/course/part/trends.ipynb");
        Assert.Null(NbformatValidator.Problems(executed));
        Assert.False(File.Exists(_folder.PathOf("out/course/part/trends.dib")));
        Assert.True(File.Exists(_folder.PathOf("html/course/part/trends.html")));
        var json = JsonNode.Parse(File.ReadAllText(executed))!;
        Assert.Equal(4, (int?)json["nbformat"]);
        var cells = json["cells"]!.AsArray();
        Assert.Equal(["markdown", "code", "code"], cells.Select(c => (string?)c!["cell_type"]));
        Assert.Equal(["csharp", "mermaid"], cells.Skip(1).Select(c => (string?)c!["metadata"]!["polyglot_notebook"]!["kernelName"]));
        Assert.Equal("var x = 21;\nx * 2", string.Concat(cells[1]!["source"]!.AsArray().Select(l => (string?)l)));
        var result42 = cells[1]!["outputs"]!.AsArray().Single()!;
        Assert.Equal("execute_result", (string?)result42["output_type"]);
        Assert.Equal("42", string.Concat(result42["data"]!["text/plain"]!.AsArray().Select(l => (string?)l)));
        Assert.Equal("csharp", (string?)json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
    }

    [Fact]
    public async Task An_unsupported_magic_is_reported_with_the_cell_as_the_notebook_shows_it()
    {
        var result = await CliProcess.RunAsync("run", Fixtures.Notebook("unsupported-magic.dib"), "--out", _folder.PathOf("out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"FAILED  {Fixtures.Notebook("unsupported-magic.dib")}  4 cells", result.Output);
        Assert.Contains("cell 4 (\"var cost = 6;\"): UnsupportedMagic: the magic command #!time is not supported by the kit's runner; supported: " +
            "#r \"nuget: …\" for the kit's packages, #r \"path\", #i \"nuget: …\", #!csharp (#!c#, #!C#), #!markdown and #!mermaid cells.", result.Output);
        Assert.DoesNotContain("CS9378", result.Output);
        var executed = _folder.PathOf("out/unsupported-magic.ipynb");
        Assert.Null(NbformatValidator.Problems(executed));
        Assert.Contains("Cell 4, line 2: the magic command #!time is not supported", File.ReadAllText(executed));
    }

    [Fact]
    public async Task A_dib_beside_an_ipynb_of_the_same_name_is_refused_not_overwritten()
    {
        Directory.CreateDirectory(_folder.PathOf("course"));
        File.Copy(Fixtures.Notebook("sample.dib"), _folder.PathOf("course/a.dib"));
        Notebook("course/a.ipynb", "Console.WriteLine(\"from the ipynb\");");

        var result = await CliProcess.RunAsync("run", _folder.PathOf("course"), "--out", _folder.PathOf("out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"ERROR   {_folder.PathOf("course/a.dib")}: its outputs would overwrite those of {_folder.PathOf("course/a.ipynb")} (course/a.ipynb); rename one or run them separately.",
            result.Output);
        Assert.Contains($"ok      {_folder.PathOf("course/a.ipynb")}", result.Output);
        Assert.Contains("from the ipynb", File.ReadAllText(_folder.PathOf("out/course/a.ipynb")));
    }

    [Fact]
    public async Task Bad_input_gets_one_line_each_and_the_other_notebooks_still_run()
    {
        var good = Notebook("good.ipynb", "1 + 1");

        var result = await CliProcess.RunAsync("run", Fixtures.Notebook("not-json.ipynb"), Fixtures.Notebook("nbformat3.ipynb"),
            _folder.PathOf("missing.ipynb"), Fixtures.Notebook("no-cells.ipynb"), good);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"ERROR   {Fixtures.Notebook("not-json.ipynb")}: not valid JSON (line 1, position 12); expected an nbformat 4 notebook.", lines);
        Assert.Contains($"ERROR   {Fixtures.Notebook("nbformat3.ipynb")}: it is nbformat 3; only nbformat 4 is supported.", lines);
        Assert.Contains($"ERROR   {_folder.PathOf("missing.ipynb")}: no such file or folder.", lines);
        Assert.Contains($"ERROR   {Fixtures.Notebook("no-cells.ipynb")}: the notebook has no cells.", lines);
        Assert.Contains(lines, l => l.StartsWith($"ok      {good}"));
        Assert.DoesNotContain("   at ", result.Output + result.Error);
    }

    [Fact]
    public async Task A_failing_cell_a_runaway_loop_and_an_unknown_package_are_named()
    {
        var failing = Notebook("failing.ipynb", "var ok = 1;", "throw new InvalidOperationException(\"no trend data\");");
        var runaway = Notebook("runaway.ipynb", "while (true) { }");
        var package = Notebook("package.ipynb", "#r \"nuget: Newtonsoft.Json, 13.0.3\"");

        var result = await CliProcess.RunAsync("run", failing, runaway, package, "--timeout", "2");

        Assert.True(1 == result.ExitCode, result.Output);
        Assert.Contains($"FAILED  {failing}  3 cells", result.Output);
        Assert.True(result.Output.Contains("cell 3 (\"throw new InvalidOperationException(\"no trend data\");\"): System.InvalidOperationException: no trend data"), result.Output);
        Assert.Contains("cell 3 (\"throw new InvalidOperationException(\"no trend data\");\"): System.InvalidOperationException: no trend data", result.Output);
        Assert.Contains("cell 2 (\"while (true) { }\"): the cell reached the time limit of 2 s and was stopped.", result.Output);
        Assert.Contains("cell 2 (\"#r \"nuget: Newtonsoft.Json, 13.0.3\"\"): PackageNotAvailable: the package 'Newtonsoft.Json' is not one the kit ships", result.Output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5000000")]
    public async Task A_timeout_must_be_from_one_second_to_a_day(string seconds)
    {
        var result = await CliProcess.RunAsync("run", "x.ipynb", "--timeout", seconds);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"--timeout must be a whole number of seconds from 1 to 86400; got {seconds}.", result.Output + result.Error);
    }
}
