using CourseKit.Notebooks.Rendering;

namespace CourseKit.Tests.Notebooks.Rendering;

/// <summary>Markdown that the old hand-written renderer got wrong, now rendered by Markdig.</summary>
public class MarkdownRendererTests
{
    [Fact]
    public void A_setext_heading_is_a_heading_with_an_id()
    {
        Assert.Equal("<h1 id=\"trend-map\">Trend map</h1>\n<h2 id=\"why-it-matters\">Why it matters</h2>\n",
            MarkdownRenderer.Render("Trend map\n=========\n\nWhy it matters\n--------------\n"));
    }

    [Fact]
    public void A_tilde_fence_is_code_and_a_csharp_one_is_highlighted()
    {
        Assert.Equal("<pre class=\"code\"><code>a &lt; b\n*not emphasis*\n</code></pre>\n",
            MarkdownRenderer.Render("~~~\na < b\n*not emphasis*\n~~~\n"));
        var csharp = MarkdownRenderer.Render("~~~csharp\nvar x = 1;\n~~~\n");
        Assert.StartsWith("<pre class=\"language-csharp code\"><code><span class=\"tok-keyword\">var</span> x = <span class=\"tok-number\">1</span>;", csharp);
    }

    [Fact]
    public void A_loose_list_has_paragraphs_and_a_numbered_list_keeps_its_start()
    {
        Assert.Equal("<ol start=\"3\">\n<li><p>three</p>\n</li>\n<li><p>four</p>\n</li>\n</ol>\n",
            MarkdownRenderer.Render("3. three\n\n4. four\n"));
        Assert.Equal("<ul>\n<li>tight</li>\n<li>list</li>\n</ul>\n", MarkdownRenderer.Render("- tight\n- list\n"));
    }

    [Fact]
    public void An_image_is_an_img_and_a_link_to_a_notebook_points_at_its_page()
    {
        Assert.Equal("<p><img src=\"map.png\" alt=\"The map\" /></p>\n", MarkdownRenderer.Render("![The map](map.png)"));
        Assert.Equal("<p><a href=\"02-Cost.html#start\">next</a> <a href=\"https://example.org/a.ipynb\">web</a></p>\n",
            MarkdownRenderer.Render("[next](02-Cost.ipynb#start) [web](https://example.org/a.ipynb)"));
    }

    [Fact]
    public void Backslash_escapes_and_entities_are_honoured()
    {
        Assert.Equal("<p>*not emphasis* and [not a link] © &amp; &lt;</p>\n",
            MarkdownRenderer.Render("\\*not emphasis\\* and \\[not a link\\] &copy; &amp; &lt;"));
    }

    [Fact]
    public void Raw_html_is_shown_as_text_never_run()
    {
        var html = MarkdownRenderer.Render("<script>alert(1)</script>\n\nText with <b onclick=\"x()\">tags</b>.");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<b ", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void A_pipe_table_becomes_a_table()
    {
        var html = MarkdownRenderer.Render("| dimension | weight |\n|---|--:|\n| cost | `0.3` |\n");
        Assert.Contains("<th>dimension</th>", html);
        Assert.Contains("<td style=\"text-align: right;\"><code>0.3</code></td>", html);
    }

    [Fact]
    public void Inline_markdown_has_no_paragraph_and_encodes_its_code()
    {
        Assert.Equal("use <code>Rank(&quot;a&quot;)</code> &amp; more", MarkdownRenderer.RenderInline("use `Rank(\"a\")` & more"));
    }
}
