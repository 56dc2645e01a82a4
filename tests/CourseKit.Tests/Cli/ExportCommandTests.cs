using CourseKit.Notebooks.Documents;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Cli;

[Trait("Category", "Slow")]
public class ExportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Save(string name, params (string Kernel, string Source)[] cells)
    {
        var notebook = Notebook.CreatePolyglot();
        foreach (var (kernel, source) in cells)
        {
            if (kernel == "markdown") notebook.AddMarkdown(source);
            else notebook.AddCode(source, kernel);
        }
        var path = _folder.PathOf(Path.Combine("in", name));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        notebook.Save(path);
        return path;
    }

    [Fact]
    public async Task Bad_input_is_named_per_file_the_others_export_and_untranslated_parts_are_listed()
    {
        var good = Save("good.ipynb", ("markdown", "# Good"), ("csharp", "#!time\nvar cost = 6;"), ("mermaid", "flowchart LR\n    A --> B"));
        var fsharp = Save("mixed.ipynb", ("csharp", "var a = 1;"), ("fsharp", "let b = 2"));
        var notJson = Fixtures.Notebook("not-json.ipynb");
        var missing = _folder.PathOf("in/missing.ipynb");
        var dib = Fixtures.Notebook("sample.dib");

        var result = await CliProcess.RunAsync("export", good, fsharp, notJson, missing, dib, "--out", _folder.PathOf("apps"));

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith($"ok      {good}  ->", StringComparison.Ordinal) && l.EndsWith("good.cs  1 code cells", StringComparison.Ordinal));
        Assert.Contains("        not translated, kept as a comment: cell 2: #!time: a Polyglot magic command has no C# equivalent", lines);
        Assert.Contains("        not translated, kept as a comment: cell 3: #!mermaid cell: a C# app cannot draw a diagram; its Mermaid source is kept as a comment", lines);
        Assert.Contains($"ERROR   {fsharp}: cell 2 is a #!fsharp cell; only C# cells can become a C# app (Markdown and Mermaid cells become comments).", lines);
        Assert.Contains(lines, l => l.StartsWith($"ERROR   {notJson}: ", StringComparison.Ordinal) && l.Contains("JSON", StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"ERROR   {missing}: no such file or folder.", lines);
        Assert.Contains(lines, l => l.StartsWith($"ok      {dib}  ->", StringComparison.Ordinal));
        Assert.Contains("2 of 5 notebooks exported; 3 parts not translated, kept as comments.", lines); // sample.dib has a Mermaid cell too
        Assert.Equal(["good.cs", "sample.cs"], Directory.GetFiles(_folder.PathOf("apps")).Select(Path.GetFileName).Order());
        Assert.DoesNotContain("   at ", result.Output + result.Error);
        Assert.Contains("// #!time  →  not translated", File.ReadAllText(_folder.PathOf("apps/good.cs")));
    }
}
