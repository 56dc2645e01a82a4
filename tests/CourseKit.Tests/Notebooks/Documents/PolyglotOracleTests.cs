using System.Text.Json.Nodes;
using CourseKit.Tests.Support;
using Microsoft.DotNet.Interactive.Documents;
using KitNotebook = CourseKit.Notebooks.Documents.Notebook;
using KitCellType = CourseKit.Notebooks.Documents.CellType;
using PolyglotIpynb = Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook;

namespace CourseKit.Tests.Notebooks.Documents;

/// <summary>
/// Differential test: Microsoft.DotNet.Interactive.Documents, the parser Polyglot Notebooks itself uses, is the
/// oracle. Every notebook of the course and every fixture must split into the same cells, with the same kind,
/// kernel and source text, in the kit's reader and in the library.
/// </summary>
public class PolyglotOracleTests
{
    // The kernels a VS Code Polyglot session has before a notebook declares any (dotnet-interactive's
    // KernelBuilder and VS Code's client kernels), written out here rather than taken from the kit so that the
    // kit's own list is checked too.
    private static KernelInfoCollection StandardKernels() =>
    [
        new KernelInfo("csharp", "C#", ["c#", "C#"]),
        new KernelInfo("fsharp", "F#", ["f#", "F#"]),
        new KernelInfo("pwsh", "PowerShell", ["powershell"]),
        new KernelInfo("javascript", "JavaScript", ["js"]),
        new KernelInfo("html", "HTML"),
        new KernelInfo("value"),
        new KernelInfo("mermaid", "Mermaid"),
        new KernelInfo("http", "HTTP"),
        new KernelInfo("vscode", aliases: ["frontend"]),
    ];

    public static TheoryData<string> AllNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var file in NotebookPaths()) data.Add(file);
        return data;
    }

    private static List<string> NotebookPaths()
    {
        var folders = new[]
        {
            RepoPaths.Combine("notebooks"), RepoPaths.Combine("exercises"), RepoPaths.Combine("exercises", "source"),
            RepoPaths.Combine("tests", "CourseKit.Tests", "Fixtures", "notebooks"),
        };
        return folders.SelectMany(folder => Directory.EnumerateFiles(folder))
            .Where(f => f.EndsWith(".ipynb", StringComparison.Ordinal) || f.EndsWith(".dib", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f))
            .ToList();
    }

    [Fact]
    public void The_oracle_sees_every_kind_of_notebook()
    {
        var names = NotebookPaths().Select(p => Path.GetFileName(p)).ToList();

        Assert.Contains("kernel-aliases.dib", names);
        Assert.Contains("custom-kernel.dib", names);
        Assert.Contains("polyglot-kernelinfo.ipynb", names);
        Assert.Contains(names, n => n.StartsWith("01-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllNotebooks))]
    public void The_kit_reads_the_same_cells_as_Polyglot(string relativePath)
    {
        var path = Path.Combine(RepoPaths.Root, relativePath);
        var text = File.ReadAllText(path);
        var kit = KitNotebook.Parse(text, path);
        var polyglot = path.EndsWith(".dib", StringComparison.Ordinal)
            ? CodeSubmission.Parse(text, WithDefault(StandardKernels()))
            : PolyglotIpynb.Parse(text, WithDeclared(StandardKernels(), text));

        // The library leaves the kernel of an .ipynb code cell without kernel metadata unset when the notebook has
        // polyglot_notebook metadata (it looks for defaultKernelName one level too high); Polyglot runs such a cell
        // in the notebook's default kernel, which the file names.
        var fileDefault = (string?)JsonNode.Parse(path.EndsWith(".dib", StringComparison.Ordinal) ? "{}" : text)?
            ["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"];
        var expected = polyglot.Elements
            .Select(e => (Markdown: e.KernelName == "markdown", Kernel: e.KernelName ?? fileDefault, Source: Lf(e.Contents))).ToList();
        var actual = kit.Cells
            .Select(c => (Markdown: c.Type == KitCellType.Markdown, Kernel: kit.KernelOf(c), Source: Lf(c.Source))).ToList();

        Assert.True(expected.Count == actual.Count,
            $"{relativePath}: Polyglot reads {expected.Count} cells, the kit {actual.Count}: " +
            $"[{string.Join(", ", expected.Select(e => e.Kernel))}] vs [{string.Join(", ", actual.Select(a => a.Kernel))}]");
        for (var i = 0; i < expected.Count; i++)
            Assert.True(expected[i] == actual[i], $"{relativePath}, cell {i + 1}: Polyglot reads {expected[i]}, the kit {actual[i]}");
    }

    [Fact]
    public void Aliases_and_declared_kernels_open_cells_in_a_dib()
    {
        var notebook = KitNotebook.Load(Fixtures.Notebook("custom-kernel.dib"));

        Assert.Equal(["markdown", "csharp", "trendmap", "trendmap", "csharp"], notebook.Cells.Select(notebook.KernelOf));
        Assert.Equal("cost -> interaction", notebook.Cells[3].Source);

        var aliases = KitNotebook.Load(Fixtures.Notebook("kernel-aliases.dib"));
        Assert.Equal(["markdown", "csharp", "csharp", "csharp", "markdown", "mermaid", "markdown"], aliases.Cells.Select(aliases.KernelOf));
        Assert.Equal("var cost = 6;", aliases.Cells[2].Source);
    }

    [Theory]
    [InlineData("kernel-aliases.dib")]
    [InlineData("custom-kernel.dib")]
    [InlineData("no-meta.dib")]
    public void An_unchanged_dib_rewrites_to_the_same_bytes(string name)
    {
        var path = Fixtures.Notebook(name);

        Assert.Equal(File.ReadAllText(path), KitNotebook.Load(path).Serialize());
    }

    [Theory]
    [InlineData("#!meta\n\n{\"kernelInfo\": \n\n#!csharp\n\n1", "the #!meta block is not valid JSON")]
    [InlineData("#!meta\n\n{\"kernelInfo\":{\"items\":[{\"name\":\"#x\",\"aliases\":[]}]}}\n\n#!csharp\n\n1",
        "the #!meta block's kernelInfo is not usable: Kernel names or aliases cannot begin with \"#\"")]
    public void A_bad_meta_block_is_named(string text, string problem)
    {
        var error = Assert.Throws<CourseKit.Notebooks.Documents.NotebookFormatException>(() => KitNotebook.Parse(text, "bad.dib"));

        Assert.StartsWith($"bad.dib: {problem}", error.Message);
    }

    [Theory]
    [InlineData("#!csharp\n")]
    [InlineData("#!meta\n\n{}\n\n#!markdown\n\n\n")]
    public void A_dib_with_markers_but_no_text_reads_as_Polyglot_reads_it_and_rewrites_unchanged(string text)
    {
        var notebook = KitNotebook.Parse(text, "empty.dib");
        var polyglot = CodeSubmission.Parse(text, WithDefault(StandardKernels()));

        Assert.Equal(polyglot.Elements.Select(e => (e.KernelName, e.Contents)), notebook.Cells.Select(c => ((string?)notebook.KernelOf(c), c.Source)));
        Assert.Equal(text, notebook.Serialize());
    }

    private static KernelInfoCollection WithDefault(KernelInfoCollection kernels)
    {
        kernels.DefaultKernelName = "csharp";
        return kernels;
    }

    // VS Code registers the kernels an .ipynb declares before it opens the cells, as the kit does.
    private static KernelInfoCollection WithDeclared(KernelInfoCollection kernels, string ipynb)
    {
        var items = JsonNode.Parse(ipynb)?["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["items"] as JsonArray ?? [];
        foreach (var item in items)
        {
            var name = (string?)item?["name"];
            if (name is null || kernels.Contains(name)) continue;
            var aliases = (item?["aliases"] as JsonArray ?? []).Select(a => (string?)a).OfType<string>().Where(a => !kernels.Contains(a)).ToArray();
            kernels.Add(new KernelInfo(name, (string?)item?["languageName"], aliases));
        }
        return WithDefault(kernels);
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n");
}
