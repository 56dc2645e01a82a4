using System.Net;
using System.Text.RegularExpressions;
using CourseKit.Notebooks.Rendering;

namespace CourseKit.Tests.Notebooks.Rendering;

/// <summary>C# highlighted by Roslyn's classifier.</summary>
public class CSharpHtmlTests
{
    private static List<(string Kind, string Text)> Spans(string html) =>
        Regex.Matches(html, "<span class=\"tok-([a-z]+)\">(.*?)</span>", RegexOptions.Singleline)
            .Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))
            .ToList();

    [Fact]
    public void A_raw_string_is_one_string_span()
    {
        const string code = "var answer = \"\"\"\n    The \"main\" bet: {cost} // not a comment\n    \"\"\";";

        var spans = Spans(CSharpHtml.Highlight(code));

        Assert.Equal(("string", "\"\"\"\n    The \"main\" bet: {cost} // not a comment\n    \"\"\""), Assert.Single(spans, s => s.Kind == "string"));
        Assert.DoesNotContain(spans, s => s.Kind == "comment");
    }

    [Fact]
    public void Keywords_the_old_list_missed_are_keywords_and_the_text_is_kept()
    {
        const string code = "#r \"nuget: Plotly.NET, 6.0.0\"\nrecord struct P(int X) { public required int Y { get; init; } }\n" +
            "var k = 3 switch { > 2 when true => \"big\", _ => $\"small {1:0.0}\" }; // done";

        var html = CSharpHtml.Highlight(code);
        var spans = Spans(html);

        Assert.Equal(code, WebUtility.HtmlDecode(Regex.Replace(html, "</?span[^>]*>", "")));
        foreach (var keyword in new[] { "record", "struct", "required", "init", "get", "when", "switch", "var" })
            Assert.Contains(("keyword", keyword), spans);
        Assert.Contains(("directive", "#r"), spans);
        Assert.Contains(("type", "P"), spans);
        Assert.Contains(("comment", "// done"), spans);
        Assert.Contains(("number", "3"), spans);
    }

    [Fact]
    public void Markup_in_code_is_encoded()
    {
        var html = CSharpHtml.Highlight("var s = \"</pre><script>\"; if (a < b && c > d) { }");

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("</pre>", html);
        Assert.Contains("a &lt; b &amp;&amp; c &gt; d", html);
    }

    [Fact]
    public void Line_by_line_a_multi_line_comment_stays_a_comment_and_every_line_closes_its_spans()
    {
        const string code = "var a = 1; /* one\r\ntwo */ var b = \"<x>\";\n\nvar c = 2;";

        var lines = CSharpHtml.HighlightLines(code);

        Assert.Equal(4, lines.Count);
        Assert.Equal(["var a = 1; /* one", "two */ var b = \"<x>\";", "", "var c = 2;"],
            lines.Select(l => WebUtility.HtmlDecode(Regex.Replace(l, "</?span[^>]*>", ""))));
        Assert.All(lines, l => Assert.Equal(Regex.Matches(l, "<span").Count, Regex.Matches(l, "</span>").Count));
        Assert.Contains(("comment", "/* one"), Spans(lines[0]));
        Assert.Contains(("comment", "two */"), Spans(lines[1]));
        Assert.Contains(("keyword", "var"), Spans(lines[1]));
    }
}
