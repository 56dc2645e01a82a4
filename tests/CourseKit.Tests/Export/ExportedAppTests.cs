using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;
using CourseKit.Tests.Course;
using CourseKit.Tests.Support;
using Xunit.Abstractions;

namespace CourseKit.Tests.Export;

/// <summary>
/// Every exported app builds and runs with <c>dotnet run</c>, and prints, cell by cell in order, the text that
/// <c>coursekit run</c> shows for the same notebook: Console output, and each display's text/plain on a line of its own.
/// What may differ, each checked otherwise: charts (the app writes a page per chart beside it and notes it on stderr;
/// checked: one page per chart, drawing the same figure JSON with the shared offline plotly.js); the HTML of tables and
/// charts, which a console cannot show (only their text/plain is compared); Markdown and Mermaid cells, which show
/// nothing in either.
/// </summary>
[Trait("Category", "Slow")]
[Collection(CourseRunCollection.Name)]
public class ExportedAppTests(CourseRunFixture course, ExportedAppsFixture apps, ITestOutputHelper log) : IClassFixture<ExportedAppsFixture>
{
    private sealed class Tally
    {
        public int Cells { get; set; }

        public int Charts { get; set; }

        public List<string> Differences { get; } = [];
    }

    [Fact]
    public void Every_course_notebook_exports_and_its_app_prints_what_coursekit_run_shows_cell_by_cell()
    {
        Assert.True(apps.Export.ExitCode == 0, apps.Export.Output + apps.Export.Error);
        Assert.Equal(12, course.Reports.Count);
        var tally = new Tally();
        foreach (var notebook in course.Reports.Keys.Order(StringComparer.Ordinal))
        {
            Assert.Contains($"ok      {RepoPaths.Combine(notebook)}  ->", apps.Export.Output);
            Compare(notebook, course.Executed(notebook), apps.Runs[apps.AppOf(notebook)], tally);
        }
        log.WriteLine(apps.Timings);
        log.WriteLine($"{course.Reports.Count} notebooks exported, {course.Reports.Count} apps built and run, {tally.Cells} C# cells and {tally.Charts} charts compared, {tally.Differences.Count} differences.");
        Assert.True(tally.Differences.Count == 0, string.Join("\n", tally.Differences));
        Assert.True(tally.Cells >= 100, $"only {tally.Cells} cells compared");
    }

    [Fact]
    public void The_app_shows_displays_values_tables_charts_and_results_as_the_runner_does()
    {
        var tally = new Tally();
        Compare("features.ipynb", apps.FeaturesExecuted, apps.Runs[apps.FeaturesApp], tally);
        Assert.True(tally.Differences.Count == 0, string.Join("\n", tally.Differences));
        Assert.Equal(8, tally.Cells);
        Assert.Equal(2, tally.Charts);

        var (cells, _, _, stderr) = AppOutputs.FromApp(apps.Runs[apps.FeaturesApp].Run!.Output, apps.Runs[apps.FeaturesApp].Run!.Error);
        Assert.Equal("shown by display\nshown by Display\nno line end then one\n3\n", cells[3].Stdout);
        Assert.Equal("7\n", cells[8].Stdout);
        Assert.Equal("a void last expression\n", cells[9].Stdout);
        Assert.Equal("to stderr\n", stderr);
        Assert.Equal(["features.cell6.html", "features.cell6-2.html"], cells[6].Charts.Select(Path.GetFileName));
        foreach (var page in cells[6].Charts)
            Assert.Equal(["plotly-2.28.0.min.js"], AppOutputs.ScriptSources(page)); // shared beside the pages, never fetched
        Assert.True(new FileInfo(Path.Combine(apps.Apps, "plotly-2.28.0.min.js")).Length > 1_000_000);
    }

    [Fact]
    public async Task The_chart_pages_draw_in_a_browser_with_the_network_cut_off()
    {
        var pages = Directory.GetFiles(Path.GetDirectoryName(apps.FeaturesApp)!, "features.cell*.html")
            .Append(Path.Combine(Path.GetDirectoryName(apps.AppOf("notebooks/01-AIGC-Frontier-Trends.ipynb"))!, "01-AIGC-Frontier-Trends.cell23.html"))
            .ToList();
        Assert.Equal(3, pages.Count);
        await using var browser = await HeadlessBrowser.LaunchAsync();
        foreach (var path in pages)
        {
            await using var page = await browser.OpenFileAsync(path, ".main-svg");
            Assert.Equal(1, await page.CountAsync(".js-plotly-plot"));
            Assert.Empty(page.Errors);
            Assert.Empty(page.BlockedRequests);
        }
    }

    [Fact]
    public void A_compile_error_is_reported_by_dotnet_run_at_the_line_of_the_original_cell()
    {
        var run = apps.Runs[apps.BrokenApp].Build;

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"{Path.Combine(apps.Apps, "broken.ipynb cell 3")}(2,9): error CS0029", run.Output + run.Error);
        var source = File.ReadAllText(apps.BrokenApp);
        Assert.Contains("// ── cell 3 · C#", source);
        Assert.Contains("#line 1 \"broken.ipynb cell 3\"\nvar a = fine;\nint b = \"text\";", source);
    }

    private void Compare(string notebook, Notebook executed, AppRun run, Tally tally)
    {
        if (run.Run is null)
        {
            tally.Differences.Add($"{notebook}: the app did not build:\n{run.Build.Output}{run.Build.Error}");
            return;
        }
        if (run.Build.Output.Contains(": warning ", StringComparison.Ordinal))
            tally.Differences.Add($"{notebook}: the app builds with warnings, which dotnet run prints before the app's own text:\n{run.Build.Output}");
        if (run.Run.ExitCode != 0)
            tally.Differences.Add($"{notebook}: the app exited with {run.Run.ExitCode}: {run.Run.Error}");

        var expected = AppOutputs.FromExecuted(executed);
        var (cells, order, preamble, stderr) = AppOutputs.FromApp(run.Run.Output, run.Run.Error);
        if (preamble.Length > 0) tally.Differences.Add($"{notebook}: the app printed before its first cell: {preamble}");
        if (!order.SequenceEqual(expected.Keys.Order())) tally.Differences.Add($"{notebook}: the app ran the cells {string.Join(",", order)}, the notebook has {string.Join(",", expected.Keys)}");
        var expectedStderr = string.Concat(expected.Values.Select(c => c.Stderr));
        if (stderr != expectedStderr) tally.Differences.Add($"{notebook}: stderr is {Quote(stderr)}, the runner's {Quote(expectedStderr)}");

        foreach (var (number, shown) in expected)
        {
            tally.Cells++;
            var printed = cells.GetValueOrDefault(number);
            if (printed?.Stdout != shown.Stdout)
            {
                tally.Differences.Add($"{notebook}, cell {number}: the app printed {Quote(printed?.Stdout)}, coursekit run shows {Quote(shown.Stdout)}");
                continue;
            }
            if (printed.Charts.Count != shown.Charts.Count)
            {
                tally.Differences.Add($"{notebook}, cell {number}: {printed.Charts.Count} chart pages for {shown.Charts.Count} charts");
                continue;
            }
            foreach (var (page, figure) in printed.Charts.Zip(shown.Charts))
            {
                tally.Charts++;
                if (!JsonNode.DeepEquals(AppOutputs.FigureOf(page), JsonNode.Parse(figure)))
                    tally.Differences.Add($"{notebook}, cell {number}: the page {page} draws another figure than the runner's");
                if (AppOutputs.ScriptSources(page).Any(src => src.Contains("//", StringComparison.Ordinal)))
                    tally.Differences.Add($"{notebook}, cell {number}: the page {page} fetches a script from the network");
            }
        }
    }

    private static string Quote(string? text) => text is null ? "nothing" : "\"" + (text.Length > 300 ? text[..300] + "…" : text).ReplaceLineEndings("⏎") + "\"";
}
