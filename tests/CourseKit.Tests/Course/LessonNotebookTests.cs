using CourseKit.Notebooks.Documents;
using CourseKit.Tests.Support;
using CourseKit.TrendMap;

namespace CourseKit.Tests.Course;

/// <summary>What the lessons promise beyond running clean: the loading cell, and Mermaid cells that match the library.</summary>
public class LessonNotebookTests
{
    private const string LoadingLines = """
        #r "nuget: Plotly.NET, 6.0.0"
        #r "nuget: Plotly.NET.Interactive, 6.0.0"
        #r "nuget: Microsoft.Data.Analysis, 0.23.1"
        #r "../src/CourseKit/bin/Debug/net8.0/CourseKit.dll"
        """;

    /// <summary>Without it, every chart fails in .NET Interactive (see CourseKit.Kernels.FSharpCoreBinding).</summary>
    public const string SetupLine = "CourseKit.Kit.Setup();";

    public static TheoryData<string> Lessons() =>
    [
        "01-AIGC-Frontier-Trends.ipynb",
        "02-Image-Generation-Progress.ipynb",
        "03-Next-Wave-of-Generative-AI.ipynb",
        "04-Outlook-2026.ipynb",
    ];

    private static Notebook Lesson(string name) => Notebook.Load(RepoPaths.Combine("notebooks", name));

    [Theory]
    [MemberData(nameof(Lessons))]
    public void The_first_code_cell_loads_the_kit_packages_and_library_then_using_lines_then_the_kit_setup(string name)
    {
        var notebook = Lesson(name);
        var first = notebook.Cells.First(c => c.Type == CellType.Code);
        var lines = first.Source.Split('\n');

        Assert.Equal("csharp", notebook.KernelOf(first));
        Assert.StartsWith(LoadingLines.ReplaceLineEndings("\n") + "\n", first.Source);
        Assert.All(lines[4..^1], line => Assert.Matches(@"^using [A-Za-z.]+;$", line));
        Assert.Equal(SetupLine, lines[^1]);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Cell_ids_are_unique(string name)
    {
        var ids = Lesson(name).Cells.Select(c => c.Id).ToList();

        Assert.DoesNotContain(null, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Lesson_1_mermaid_cells_hold_exactly_the_library_text()
    {
        var notebook = Lesson("01-AIGC-Frontier-Trends.ipynb");
        var mermaid = notebook.Cells.Where(c => notebook.KernelOf(c) == "mermaid").ToList();

        Assert.Equal(
            [Mermaid.ChainFlowchart().TrimEnd('\n'), Mermaid.MainLinesMindmap().TrimEnd('\n')],
            mermaid.Select(c => c.Source.Split('\n', 2) switch { ["#!mermaid", var body] => body, _ => c.Source }));
        // That the picture matches the library is the maintainers' concern, checked here, not shown to learners.
        Assert.DoesNotContain(notebook.Cells, c => c.Source.Contains("Console.Write(Mermaid."));
    }
}
