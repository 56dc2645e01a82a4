using CourseKit.Checking;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Export;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Notebooks.Export;

public class AppTranslationTests
{
    private static readonly AppReferences Course = CourseApps.References(RepoPaths.Root);

    // A notebook that sits in the course's notebooks/ folder, so its relative #r paths resolve as the lessons' do.
    private static readonly string NotebookPath = RepoPaths.Combine("notebooks", "probe.ipynb");
    private static readonly string AppPath = RepoPaths.Combine("out", "apps", "notebooks", "probe.cs");

    private static Notebook Notebook(params (string Kernel, string Source)[] cells)
    {
        var notebook = CourseKit.Notebooks.Documents.Notebook.CreatePolyglot();
        foreach (var (kernel, source) in cells)
        {
            if (kernel == "markdown") notebook.AddMarkdown(source);
            else notebook.AddCode(source, kernel);
        }
        return notebook;
    }

    private static AppTranslation.App App(params (string Kernel, string Source)[] cells) =>
        Assert.IsType<AppTranslation.App>(AppTranslation.Of(Notebook(cells), NotebookPath, AppPath, Course));

    [Fact]
    public void Usings_go_to_the_top_types_after_the_statements_and_the_app_compiles()
    {
        var app = App(
            ("markdown", "# Points"),
            ("csharp", "using System.Text.Json;\nrecord Point(int X, int Y);\nvar p = new Point(1, 2);\nConsole.WriteLine(JsonSerializer.Serialize(p));"),
            ("csharp", "enum Mood { Calm }\nstatic int Twice(int x) => 2 * x;\npublic int Thrice(int x) => 3 * x;\nTwice(p.X) + Thrice(p.Y)"));

        var source = app.Source;
        Assert.True(source.IndexOf("using System.Text.Json;", StringComparison.Ordinal) < source.IndexOf("NotebookApp.Start();", StringComparison.Ordinal));
        var lastStatement = source.IndexOf("CourseKit.Apps.NotebookApp.Cell(3);", StringComparison.Ordinal);
        Assert.True(lastStatement > 0);
        Assert.True(source.IndexOf("record Point(int X, int Y);", StringComparison.Ordinal) > lastStatement);
        Assert.True(source.IndexOf("enum Mood { Calm }", StringComparison.Ordinal) > lastStatement);
        Assert.Contains("// ── cell 2 · C#", source);
        Assert.Contains("// ── cell 3 · its types", source);
        Assert.Contains("CourseKit.Apps.NotebookApp.Result(() =>\n#line 4 \"probe.ipynb cell 3\"\nTwice(p.X) + Thrice(p.Y)\n#line default\n);", source);
        Assert.DoesNotContain("public int Thrice", source); // a script's method is a local function of the program
        Assert.Equal(2, app.CodeCells);
        Assert.Empty(app.Untranslated);
        Assert.Empty(AppSourceCompiler.Errors(source));
    }

    [Fact]
    public void A_last_expression_that_awaits_or_has_no_value_still_compiles()
    {
        var app = App(
            ("csharp", "await Task.Delay(1)"),
            ("csharp", "await Task.FromResult(42)"),
            ("csharp", "Console.WriteLine(\"no value\")"),
            ("csharp", "var shown = display(\"shown\");\n\"a\".Display()"));

        Assert.Contains("await CourseKit.Apps.NotebookApp.ResultAsync(async () =>\n#line 1 \"probe.ipynb cell 1\"\nawait Task.Delay(1)", app.Source);
        Assert.Contains("CourseKit.Apps.NotebookApp.Result(() =>\n#line 1 \"probe.ipynb cell 3\"\nConsole.WriteLine(\"no value\")", app.Source);
        Assert.Empty(AppSourceCompiler.Errors(app.Source));
    }

    [Theory]
    [InlineData("var a = 1;\nint b = \"text\";", 2, 9, "CS0029")]          // a statement
    [InlineData("var a = 1;\n\n    a + missing", 3, 9, "CS0103")]             // a last expression, wrapped
    [InlineData("using System.Text;\nclass C { int M() => \"s\"; }", 2, 22, "CS0029")] // a type, moved to the end
    [InlineData("using Nowhere.AtAll;\nvar a = 1;", 1, 7, "CS0246")]          // a using, moved to the top
    public void A_compile_error_is_reported_at_the_cells_own_line_and_column(string cell, int line, int column, string code)
    {
        var app = App(("markdown", "# Title"), ("csharp", "Console.WriteLine(1);"), ("csharp", cell));

        var error = Assert.Single(AppSourceCompiler.Errors(app.Source));
        var mapped = error.Location.GetMappedLineSpan();
        Assert.Equal(code, error.Id);
        Assert.Equal("probe.ipynb cell 3", mapped.Path);
        Assert.Equal((line, column), (mapped.StartLinePosition.Line + 1, mapped.StartLinePosition.Character + 1));
    }

    [Fact]
    public void Markdown_becomes_comments_and_a_Mermaid_cell_a_comment_that_is_listed()
    {
        var app = App(
            ("markdown", "# Title\r\n\r\nA line\u2028that C# would end here."),
            ("mermaid", "flowchart LR\n    A --> B"),
            ("csharp", "Console.WriteLine(1);"));

        Assert.Contains("// # Title\n//\n// A line\n// that C# would end here.\n", app.Source);
        Assert.Contains("// flowchart LR\n//     A --> B\n", app.Source);
        var note = Assert.Single(app.Untranslated);
        Assert.Equal((2, "#!mermaid cell"), (note.Cell, note.What));
        Assert.Empty(AppSourceCompiler.Errors(app.Source));
    }

    [Fact]
    public void Directives_become_package_and_project_lines_and_what_has_no_equivalent_is_listed()
    {
        var app = App(("csharp", string.Join('\n',
            "#r \"nuget: Plotly.NET, 6.0.0\"",
            "#r \"nuget: Plotly.NET.Interactive, 6.0.0\"",
            "#r \"nuget: Microsoft.Data.Analysis\"",
            "#r \"nuget: Humanizer.Core, 2.14.1\"",
            "#r \"nuget: NoVersion.Package\"",
            "#r \"../src/CourseKit/bin/Debug/net8.0/CourseKit.dll\"",
            "#r \"../src/CourseKit.Exercises/bin/Debug/net8.0/CourseKit.Exercises.dll\"",
            "#r \"/nowhere/Lonely.dll\"",
            "#i \"nuget: https://example.invalid/feed\"",
            "#!time",
            "Console.WriteLine(1);")));

        var directives = app.Source.Split('\n').Where(l => l.StartsWith("#:package", StringComparison.Ordinal) || l.StartsWith("#:project", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "#:package Plotly.NET@6.0.0", "#:package Microsoft.Data.Analysis@0.23.1", "#:package Humanizer.Core@2.14.1",
            "#:project ../../../src/CourseKit/CourseKit.csproj", "#:project ../../../src/CourseKit.Exercises/CourseKit.Exercises.csproj",
            "#:project ../../../src/CourseKit.Apps/CourseKit.Apps.csproj",
        ], directives);
        foreach (var project in directives.Where(d => d.StartsWith("#:project", StringComparison.Ordinal)))
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(AppPath)!, project["#:project ".Length..])), project);
        Assert.Equal(["#r \"nuget: NoVersion.Package\"", "#r \"/nowhere/Lonely.dll\"", "#i \"nuget: https://example.invalid/feed\"", "#!time"],
            app.Untranslated.Select(n => n.What));
        Assert.All(app.Untranslated, n => Assert.Equal(1, n.Cell));
        Assert.Contains("// #!time  →  not translated: a Polyglot magic command has no C# equivalent", app.Source);
    }

    [Fact]
    public void A_cell_in_another_language_refuses_the_notebook_naming_the_cell()
    {
        var refused = Assert.IsType<AppTranslation.Refused>(AppTranslation.Of(
            Notebook(("markdown", "# F#"), ("csharp", "var a = 1;"), ("fsharp", "let b = 2")), NotebookPath, AppPath, Course));

        Assert.Equal("cell 3 is a #!fsharp cell; only C# cells can become a C# app (Markdown and Mermaid cells become comments).", refused.Reason);
    }

    [Fact]
    public void A_name_declared_again_in_a_later_cell_is_listed_where_the_program_will_not_compile()
    {
        var app = App(("csharp", "var cost = 6;\nint Score() => 1;"), ("csharp", "Console.WriteLine(cost);"), ("csharp", "var cost = 7;\nint Score() => 2;"));

        Assert.Equal(["cost declared again", "Score declared again"], app.Untranslated.Select(n => n.What));
        Assert.All(app.Untranslated, n => Assert.Equal(3, n.Cell));
        Assert.Contains("// not translated: a notebook may declare a name again in a later cell, a program may not (first declared in cell 1); rename one", app.Source);
        Assert.Contains(AppSourceCompiler.Errors(app.Source), e => e.Id == "CS0128" && e.Location.GetMappedLineSpan().Path == "probe.ipynb cell 3");
    }
}
