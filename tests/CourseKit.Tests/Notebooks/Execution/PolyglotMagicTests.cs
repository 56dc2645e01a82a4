using CourseKit.Notebooks.Execution;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Notebooks.Execution;

/// <summary>Polyglot magic commands: the supported ones run, any other stops the run naming the cell and the magic.</summary>
[Collection(RunnerCollection.Name)]
[Trait("Category", "Slow")]
public class PolyglotMagicTests(RunnerFixture fixture)
{
    [Theory]
    [InlineData("#!time", "#!time")] // diagnostics
    [InlineData("#!who", "#!who")]
    [InlineData("#!whos", "#!whos")]
    [InlineData("#!lsmagic", "#!lsmagic")]
    [InlineData("#!about", "#!about")]
    [InlineData("#!set --name total --value 32", "#!set")] // value sharing
    [InlineData("#!share --from fsharp total", "#!share")]
    [InlineData("#!value --name notes", "#!value")]
    [InlineData("#!import other.dib", "#!import")] // other notebooks and kernels
    [InlineData("#!connect signalr --kernel-name remote --hub-url http://localhost", "#!connect")]
    [InlineData("#!javascript", "#!javascript")] // a switch to another kernel inside a C# cell
    [InlineData("#!html", "#!html")]
    [InlineData("#!mermaid", "#!mermaid")]
    [InlineData("  #!fsharp", "#!fsharp")]
    public async Task An_unsupported_magic_stops_the_run_naming_the_cell_line_and_magic(string line, string magic)
    {
        var result = await fixture.RunAsync("var ok = 1;", $"var before = 2;\n{line}\nbefore + ok", "var never = 3;");

        var expected = $"the magic command {magic} is not supported by the kit's runner; supported: {CellDirectives.Supported}.";
        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Equal($"UnsupportedMagic: {expected}", result.Failure.Reason);
        var error = Assert.IsType<CellOutput.Error>(Assert.Single(result.Executions[1].Outputs));
        Assert.Equal([$"Cell 2, line 2: {expected}"], error.Traceback);
        Assert.Equal(2, result.Executions.Count);
    }

    [Fact]
    public async Task A_magic_on_the_first_line_is_not_taken_for_a_shebang()
    {
        var result = await fixture.RunAsync("#!time\nvar timed = 1;");

        Assert.Equal(1, result.Failure!.CellNumber);
        Assert.StartsWith("UnsupportedMagic: the magic command #!time is not supported", result.Failure.Reason);
    }

    [Fact]
    public async Task Supported_directives_csharp_selectors_preprocessor_lines_and_a_shebang_still_run()
    {
        var kit = RepoPaths.Combine("src", "CourseKit", "bin", "Debug", "net8.0", "CourseKit.dll");
        var result = await fixture.RunAsync(
            "#!/usr/bin/env dotnet-script\n#r \"nuget: Plotly.NET, 6.0.0\"\n#i \"nuget: https://api.nuget.org/v3/index.json\"\n" +
            $"#r \"{kit}\"\nusing CourseKit.Data;",
            "#!csharp\n#nullable enable\nstring? name = null;\n#pragma warning disable CS0168\nint unused;\n#pragma warning restore CS0168",
            "#region sums\nvar total = 9 + 6;\n#endregion\n#!c#\n#line 40\ntotal + (name?.Length ?? 0)",
            "#!C#\nCourseData.SeedTrends().Count() > 0");

        Assert.True(result.Succeeded, result.Failure?.Reason);
        Assert.Equal("15", Assert.IsType<CellOutput.Display>(Assert.Single(result.Executions[2].Outputs)).Data[MimeTypes.PlainText]);
        Assert.Equal("True", Assert.IsType<CellOutput.Display>(Assert.Single(result.Executions[3].Outputs)).Data[MimeTypes.PlainText]);
    }

    [Fact]
    public async Task A_cell_of_another_kernel_names_the_kernel_and_what_is_supported()
    {
        var result = await fixture.Runner.RunAsync(AppContext.BaseDirectory,
            [new CellToRun(1, "csharp", "1"), new CellToRun(2, "javascript", "console.log(1)")], RunOptions.Default);

        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Equal($"the #!javascript kernel is not supported by the kit's runner; supported: {CellDirectives.Supported}.", result.Failure.Reason);
    }

    [Fact]
    public void Only_magic_lines_are_taken_out_of_the_code()
    {
        var (directives, code) = CellDirectives.Extract("#!/usr/bin/env x\n#nullable enable\n#!csharp\nvar s = \"#!time\";\n#!who");

        Assert.Equal([new CellDirective.UnsupportedMagic(5, "#!who")], directives);
        Assert.Equal("#!/usr/bin/env x\n#nullable enable\n\nvar s = \"#!time\";\n", code);
    }
}
