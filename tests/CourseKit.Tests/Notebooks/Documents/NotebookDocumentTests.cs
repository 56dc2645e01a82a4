using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Notebooks.Documents;

public class NotebookDocumentTests
{
    [Theory]
    [InlineData("vscode-saved.ipynb")]
    [InlineData("jupyter-classic.ipynb")]
    [InlineData("emoji-and-escapes.ipynb")]
    [InlineData("sample.dib")]
    public void An_unchanged_notebook_rewrites_to_the_same_bytes(string name)
    {
        var path = Fixtures.Notebook(name);

        var rewritten = Notebook.Load(path).Serialize();

        Assert.Equal(File.ReadAllText(path), rewritten);
    }

    [Fact]
    public void Unknown_metadata_survives_a_change()
    {
        var notebook = Notebook.Load(Fixtures.Notebook("vscode-saved.ipynb"));
        notebook.Cells[1].SetOutputs([new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "32" }], 1);

        var reread = Notebook.Parse(notebook.Serialize(), "x.ipynb");

        Assert.Contains("\"vscode\": {", notebook.Serialize());
        Assert.Equal("polyglot-notebook", (string?)reread.Cells[1].Metadata["vscode"]!["languageId"]);
        Assert.Equal(1, reread.Cells[1].ExecutionCount);
    }

    [Fact]
    public void Changing_one_source_changes_only_that_text()
    {
        var path = Fixtures.Notebook("emoji-and-escapes.ipynb");
        var notebook = Notebook.Load(path);
        var before = File.ReadAllText(path);

        notebook.Cells[1].Source = "// edited\n";

        var after = notebook.Serialize();
        var changedFrom = before.Zip(after).TakeWhile(p => p.First == p.Second).Count();
        Assert.Contains("🚀", after);
        Assert.Contains("\\u001b", after);
        Assert.Equal(before[^200..], after[^200..]);
        Assert.True(changedFrom > before.IndexOf("\"cell_type\": \"code\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Kernels_are_chosen_magic_first_then_metadata_then_default()
    {
        var notebook = Notebook.Load(Fixtures.Notebook("vscode-saved.ipynb"));

        Assert.Equal(["markdown", "csharp", "mermaid", "fsharp"], notebook.Cells.Select(notebook.KernelOf));
        Assert.Equal("csharp", notebook.DefaultKernel);

        var classic = Notebook.Load(Fixtures.Notebook("jupyter-classic.ipynb"));
        Assert.Equal("csharp", classic.KernelOf(classic.Cells[0])); // no metadata: the default
    }

    [Fact]
    public void Dib_cells_keep_their_kernels_and_text()
    {
        var notebook = Notebook.Load(Fixtures.Notebook("sample.dib"));

        Assert.Equal(NotebookFormat.Dib, notebook.Format);
        Assert.Equal(["markdown", "csharp", "mermaid"], notebook.Cells.Select(notebook.KernelOf));
        Assert.Equal("var x = 21;\nx * 2", notebook.Cells[1].Source);
    }

    [Fact]
    [Trait("Category", "Slow")] // runs Python's nbformat validator
    public void A_created_notebook_has_polyglot_metadata_and_passes_the_nbformat_validator()
    {
        var notebook = Notebook.CreatePolyglot();
        notebook.AddMarkdown("# Title\n\nText.");
        notebook.AddCode("var x = 1;\nx");
        using var folder = new TempFolder();
        var path = folder.PathOf("new.ipynb");

        notebook.Save(path);

        Assert.Null(NbformatValidator.Problems(path));
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(".net-csharp", (string?)json["metadata"]!["kernelspec"]!["name"]);
        Assert.Equal("polyglot-notebook", (string?)json["metadata"]!["language_info"]!["name"]);
        Assert.Equal("csharp", (string?)json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        Assert.Equal("csharp", (string?)json["cells"]![1]!["metadata"]!["polyglot_notebook"]!["kernelName"]);
        Assert.All(json["cells"]!.AsArray(), c => Assert.False(string.IsNullOrEmpty((string?)c!["id"])));
        Assert.Equal(File.ReadAllText(path), Notebook.Load(path).Serialize());
    }

    [Theory]
    [InlineData("not-json.ipynb", "not valid JSON (line 1, position 12); expected an nbformat 4 notebook.")]
    [InlineData("nbformat3.ipynb", "it is nbformat 3; only nbformat 4 is supported.")]
    [InlineData("empty-file.ipynb", "the file is empty; expected a notebook in JSON.")]
    [InlineData("missing.ipynb", "no such file.")]
    public void Bad_files_get_one_line_naming_file_and_problem(string name, string problem)
    {
        var path = Fixtures.Notebook(name);

        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Load(path));

        Assert.Equal($"{path}: {problem}", error.Message);
        Assert.Null(error.StackTrace);
    }

    [Fact]
    public void A_cell_without_a_type_is_named()
    {
        var error = Assert.Throws<NotebookFormatException>(() =>
            Notebook.Parse("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\"}, {\"source\": \"x\"}]}", "n.ipynb"));

        Assert.Equal("n.ipynb: cell 2 has no \"cell_type\".", error.Message);
    }
}
