using System.Text.Json;
using System.Text.RegularExpressions;
using CourseKit.Charting;

namespace CourseKit.Tests.Charts;

// Inside namespace CourseKit.*, the name Charts means the namespace CourseKit.Charting; alias the class.
using Charts = CourseKit.Charting.Charts;

public class ChartHtmlTests
{
    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    [Fact]
    public void Plotly_js_comes_from_the_Plotly_NET_assembly()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        Assert.Contains(ChartHtml.PlotlyJsResource, assembly.GetManifestResourceNames());
        Assert.Contains("plotly.js v2.28.0", ChartHtml.PlotlyJs[..200]);
        Assert.Same(ChartHtml.PlotlyJs, ChartHtml.PlotlyJs);
    }

    [Fact]
    public void SavePage_embeds_plotly_js_once_for_three_charts_and_loads_nothing_from_the_web()
    {
        var folder = Directory.CreateTempSubdirectory("coursekit-charts-");
        try
        {
            var path = Path.Combine(folder.FullName, "three.html");
            var ranked = ChartPages.ImageRanking();
            ChartHtml.SavePage(path, "Three <charts>", Charts.Radar(global::CourseKit.Data.CourseData.SeedTrends().Select(t => t.Scores)),
                Charts.Ranking(ranked), Charts.Contributions(ranked));

            var html = File.ReadAllText(path);
            Assert.Equal(1, Count(html, ChartHtml.PlotlyJs));
            Assert.Contains("<title>Three &lt;charts&gt;</title>", html);
            Assert.DoesNotMatch(new Regex("<script[^>]*\\ssrc\\s*=", RegexOptions.IgnoreCase), html);
            Assert.DoesNotContain("require.js", html);
            // plotly.js itself mentions web addresses in its code; the page around it must not.
            var page = html.Replace(ChartHtml.PlotlyJs, "");
            Assert.Equal(3, Count(page, "Plotly.newPlot("));
            Assert.Equal(3, Count(page, "class=\"coursekit-chart\""));
            Assert.DoesNotContain("http://", page);
            Assert.DoesNotContain("https://", page);
            Assert.DoesNotContain("cdn.", page);
            Assert.Single(folder.GetFiles()); // no temp file left behind
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void SavePage_overwrites_an_existing_file()
    {
        var folder = Directory.CreateTempSubdirectory("coursekit-charts-");
        try
        {
            var path = Path.Combine(folder.FullName, "page.html");
            File.WriteAllText(path, "old");
            ChartHtml.SavePage(path, "New", Charts.TrendMap());
            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(path));
            Assert.Single(folder.GetFiles());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Fragment_includes_plotly_js_only_when_asked_and_otherwise_waits_for_it()
    {
        var chart = Charts.TrendMap();
        var with = ChartHtml.Fragment(chart, includePlotlyJs: true);
        var without = ChartHtml.Fragment(chart, includePlotlyJs: false);
        Assert.Equal(1, Count(with, ChartHtml.PlotlyJs));
        Assert.Equal(0, Count(without, ChartHtml.PlotlyJs));
        Assert.Contains("window.Plotly", without);
        Assert.Contains("setTimeout(draw", without);
        Assert.Contains(ChartJson.Figure(chart), without);
        Assert.NotEqual(Regex.Match(with, "id=\"([^\"]+)\"").Value, Regex.Match(without, "id=\"([^\"]+)\"").Value);
    }

    [Fact]
    public void Figure_json_has_exactly_data_and_layout()
    {
        using var figure = JsonDocument.Parse(ChartJson.Figure(Charts.Ranking(ChartPages.ImageRanking())));
        Assert.Equal(["data", "layout"], figure.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Array, figure.RootElement.GetProperty("data").ValueKind);
        Assert.Equal(JsonValueKind.Object, figure.RootElement.GetProperty("layout").ValueKind);
        Assert.Equal("application/vnd.plotly.v1+json", ChartJson.MimeType);
    }
}
