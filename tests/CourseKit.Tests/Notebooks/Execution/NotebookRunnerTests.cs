using CourseKit.Notebooks.Execution;

namespace CourseKit.Tests.Notebooks.Execution;

[Collection(RunnerCollection.Name)]
[Trait("Category", "Slow")]
public class NotebookRunnerTests(RunnerFixture fixture)
{
    private static IReadOnlyDictionary<string, string> Data(CellOutput output) =>
        Assert.IsType<CellOutput.Display>(output).Data;

    [Fact]
    public async Task Cells_share_one_session_and_show_console_displays_and_the_last_expression_in_order()
    {
        var result = await fixture.RunAsync(
            "var total = 9 + 6 + 9 + 8;",
            "Console.WriteLine(\"before\");\ndisplay(total);\nConsole.Write(\"after\");\n\"multimodal\".Display();\ntotal * 2");

        Assert.True(result.Succeeded, result.Failure?.Reason);
        Assert.Empty(result.Executions[0].Outputs);
        var outputs = result.Executions[1].Outputs;
        Assert.Equal(5, outputs.Count);
        Assert.Equal(new CellOutput.Stream("stdout", "before\n"), outputs[0]);
        Assert.Equal("32", Data(outputs[1])[MimeTypes.PlainText]);
        Assert.Equal(new CellOutput.Stream("stdout", "after"), outputs[2]);
        Assert.Equal("multimodal", Data(outputs[3])[MimeTypes.PlainText]);
        var result4 = Assert.IsType<CellOutput.Display>(outputs[4]);
        Assert.True(result4.IsResult);
        Assert.Equal("64", result4.Data[MimeTypes.PlainText]);
        Assert.Equal([1, 2], result.Executions.Select(e => e.ExecutionCount));
    }

    [Fact]
    public async Task A_statement_ending_in_a_semicolon_shows_nothing_and_display_is_not_shown_twice()
    {
        var result = await fixture.RunAsync("var x = 1;\nx.ToString();", "display(5)");

        Assert.Empty(result.Executions[0].Outputs);
        Assert.Single(result.Executions[1].Outputs);
    }

    [Fact]
    public async Task A_compile_error_names_the_cell_line_and_stops_the_run()
    {
        var result = await fixture.RunAsync("var a = 1;", "var b = 2;\nvar c = a + missing;", "var never = 3;");

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Equal("var b = 2;", result.Failure.FirstLine);
        var error = Assert.IsType<CellOutput.Error>(Assert.Single(result.Executions[1].Outputs));
        Assert.Equal("CompilationError", error.Name);
        Assert.StartsWith("Cell 2, line 2, column 13: error CS0103: The name 'missing' does not exist", error.Value);
        Assert.Equal(2, result.Executions.Count);
    }

    [Fact]
    public async Task An_exception_gives_its_type_message_and_the_cells_own_line()
    {
        var result = await fixture.RunAsync(
            "int Fail(int n) =>\n    n > 0 ? throw new InvalidOperationException(\"score out of range\") : n;",
            "var ok = 1;\n\nFail(3);");

        var error = Assert.IsType<CellOutput.Error>(result.Executions[1].Outputs.Last());
        Assert.Equal("System.InvalidOperationException", error.Name);
        Assert.Equal("score out of range", error.Value);
        Assert.True(error.Traceback.Contains("   in cell 1, line 2"), string.Join("\n", error.Traceback));
        Assert.Contains("   in cell 2, line 3", error.Traceback);
        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Contains("score out of range", result.Failure.Reason);
    }

    [Fact]
    public async Task Kit_packages_resolve_and_other_packages_stop_the_run_naming_cell_and_package()
    {
        var ok = await fixture.RunAsync(
            "#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n#i \"nuget: /tmp/local-feed\"\nusing Microsoft.Data.Analysis;\nnew DataFrame(new Int32DataFrameColumn(\"total\", new[] { 32, 27 }))");
        Assert.True(ok.Succeeded, ok.Failure?.Reason);
        var table = Data(ok.Executions[0].Outputs.Single());
        Assert.Contains("<th>total</th>", table[MimeTypes.Html]);
        Assert.Contains("<td>27</td>", table[MimeTypes.Html]);

        var unknown = await fixture.RunAsync("var x = 1;", "#r \"nuget: Newtonsoft.Json, 13.0.3\"");
        Assert.Equal(2, unknown.Failure!.CellNumber);
        Assert.Contains("the package 'Newtonsoft.Json' is not one the kit ships", unknown.Failure.Reason);

        var version = await fixture.RunAsync("#r \"nuget: Plotly.NET, 5.1.0\"");
        Assert.Contains("the kit has Plotly.NET 6.0.0, not version 5.1.0", version.Failure!.Reason);
    }

    [Fact]
    public async Task Without_its_reference_a_package_is_not_visible_as_in_polyglot()
    {
        var result = await fixture.RunAsync("var frame = new Microsoft.Data.Analysis.DataFrame();");

        Assert.False(result.Succeeded);
        Assert.Contains("CS0234", result.Failure!.Reason);
    }

    [Fact]
    public async Task A_runaway_cell_is_stopped_at_the_time_limit()
    {
        var result = await fixture.RunAsync(TimeSpan.FromSeconds(3), "var i = 0;", "while (true) { i++; }");

        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Equal("the cell reached the time limit of 3 s and was stopped.", result.Failure.Reason);
        var error = Assert.IsType<CellOutput.Error>(result.Executions[1].Outputs.Single());
        Assert.Equal("TimeLimitReached", error.Name);
    }

    [Fact]
    public async Task A_stack_overflow_ends_the_worker_not_the_runner()
    {
        var result = await fixture.RunAsync("int Down(int n) => Down(n + 1) + 1;\nDown(0)");

        Assert.Equal(1, result.Failure!.CellNumber);
        Assert.Equal("the notebook's process ended unexpectedly (a stack overflow, most often from recursion that never stops).", result.Failure.Reason);

        var after = await fixture.RunAsync("1 + 1");
        Assert.True(after.Succeeded);
    }

    [Fact]
    public async Task A_cell_that_prints_megabytes_is_cut()
    {
        var result = await fixture.RunAsync("for (var i = 0; i < 300_000; i++) Console.WriteLine(\"spam spam\");");

        var stream = Assert.IsType<CellOutput.Stream>(result.Executions[0].Outputs.Single());
        Assert.True(stream.Text.Length < OutputSink.MaxStreamChars + 200);
        Assert.EndsWith("[output cut: this cell printed more than 1,000,000 characters]\n", stream.Text);
    }

    [Fact]
    public async Task Notebook_code_cannot_reach_the_runners_channel_through_the_processs_own_stdin_stdout_or_stderr()
    {
        var result = await fixture.RunAsync(
            "var fake = System.Text.Encoding.UTF8.GetBytes(\"{\\\"outputs\\\":[],\\\"failed\\\":true}\\n\");\n" +
            "var raw = Console.OpenStandardOutput();\n" +
            "for (var i = 0; i < 5; i++) raw.Write(fake);\n" +
            "raw.Write(new byte[5_000_000]);\n" + // far more than a pipe holds, and no line end
            "raw.Flush();\n" +
            "Console.OpenStandardError().Write(fake);\n" +
            "var stolen = Console.OpenStandardInput().ReadByte();\n" +
            "stolen",
            "\"next cell\"");

        Assert.True(result.Succeeded, result.Failure?.Reason);
        Assert.Equal("-1", Data(result.Executions[0].Outputs.Single())[MimeTypes.PlainText]);
        Assert.Equal("next cell", Data(result.Executions[1].Outputs.Single())[MimeTypes.PlainText]);
    }

    [Fact]
    public async Task Code_nested_too_deep_for_the_compiler_fails_its_cell_and_the_runner_goes_on()
    {
        var brackets = await fixture.RunAsync("var deep = " + new string('(', 20_000) + "1" + new string(')', 20_000) + ";");
        // No brackets to count, and the compiler recurses once per operator: it once overflowed a pool thread's stack and
        // took the whole process down; now it reports the cell's real error.
        var unary = await fixture.RunAsync("var deep = " + new string('-', 90_000) + "1;");
        var after = await fixture.RunAsync("1 + 1");

        Assert.Equal("CellTooDeep: the cell nests brackets more than 500 deep; the runner compiles cells nested up to 500.", brackets.Failure!.Reason);
        Assert.Equal(1, unary.Failure!.CellNumber);
        Assert.StartsWith("CompilationError: Cell 1, line 1, column ", unary.Failure.Reason);
        Assert.Contains("error CS1059: The operand of an increment or decrement operator must be a variable", unary.Failure.Reason);
        Assert.True(after.Succeeded);
    }

    [Fact]
    public async Task A_cell_that_takes_the_compiler_too_long_reaches_the_time_limit()
    {
        var result = await fixture.Runner.RunAsync(AppContext.BaseDirectory,
            [new CellToRun(1, "csharp", "System.Func<int, int> f = " + string.Concat(Enumerable.Repeat("x => ", 12_000)) + "1;")],
            new RunOptions(TimeSpan.FromSeconds(1)));

        Assert.Equal("compiling the cell took longer than the time limit of 1 s.", result.Failure!.Reason);
    }

    [Fact]
    public async Task Other_kernels_stop_the_run_but_markdown_and_mermaid_are_skipped()
    {
        var result = await fixture.Runner.RunAsync(AppContext.BaseDirectory,
        [
            new CellToRun(1, "markdown", "# Title"),
            new CellToRun(2, "mermaid", "flowchart LR\n A --> B"),
            new CellToRun(3, "csharp", "1"),
            new CellToRun(4, "fsharp", "let x = 1"),
        ], RunOptions.Default);

        Assert.Equal(4, result.Failure!.CellNumber);
        Assert.Equal($"the #!fsharp kernel is not supported by the kit's runner; supported: {CellDirectives.Supported}.", result.Failure.Reason);
        Assert.Equal(3, Assert.Single(result.Executions).Number);
    }
}
