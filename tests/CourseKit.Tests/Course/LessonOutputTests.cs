using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Pipelines;

namespace CourseKit.Tests.Course;

/// <summary>What the executed lessons must show: the seeds' expected lines, the ranking in order, and charts.</summary>
[Collection(CourseRunCollection.Name)]
[Trait("Category", "Slow")]
public class LessonOutputTests(CourseRunFixture course)
{
    private static readonly string[] Lessons =
    [
        "01-AIGC-Frontier-Trends.ipynb", "02-Image-Generation-Progress.ipynb",
        "03-Next-Wave-of-Generative-AI.ipynb", "04-Outlook-2026.ipynb",
    ];

    private Notebook Executed(string name) => course.Executed(Path.Combine("notebooks", name));

    private string StreamText(string name) => string.Concat(Executed(name).Cells
        .SelectMany(c => c.Type == CellType.Code ? c.Outputs : [])
        .Where(o => (string?)o!["output_type"] == "stream")
        .SelectMany(o => o!["text"]!.AsArray().Select(l => (string?)l)));

    private int PlotlyCharts(string name) => Executed(name).Cells
        .SelectMany(c => c.Type == CellType.Code ? c.Outputs : [])
        .Count(o => o!["data"]?["application/vnd.plotly.v1+json"] is not null);

    [Fact]
    public void Every_lesson_runs_clean()
    {
        Assert.All(Lessons, name =>
        {
            var report = course.Reports[Path.Combine("notebooks", name)];
            Assert.True(report.Status == NotebookStatus.Passed, $"{name}: {report.Message}");
        });
    }

    [Fact]
    public void Lesson_1_prints_the_seed_000_expected_lines_verbatim()
    {
        var text = StreamText("01-AIGC-Frontier-Trends.ipynb");

        Assert.Contains(SeedOutputs.Lesson1Verdicts, text);
        Assert.Contains(SeedOutputs.Lesson1Advice, text);
    }

    [Fact]
    public void Lesson_2_prints_the_seed_001_ranking_in_order()
    {
        var text = StreamText("02-Image-Generation-Progress.ipynb");

        Assert.Contains(SeedOutputs.Lesson2Ranking, text);
    }

    [Fact]
    public void Every_lesson_shows_a_plotly_chart_and_lesson_1_the_trend_map()
    {
        Assert.All(Lessons, name => Assert.True(PlotlyCharts(name) > 0, name));

        var lesson1 = Executed("01-AIGC-Frontier-Trends.ipynb");
        Assert.Contains(lesson1.Cells.SelectMany(c => c.Type == CellType.Code ? c.Outputs : []),
            o => o!["data"]?["application/vnd.plotly.v1+json"]?["data"]?[0]?["type"]?.ToString() == "sunburst");
    }
}
