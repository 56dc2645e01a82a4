using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Rendering;

namespace CourseKit.Tests.Notebooks.Rendering;

/// <summary>The page template encodes every value; only the rendered Markdown, code, html outputs and scripts are trusted.</summary>
public class NotebookPageTests
{
    private const string Script = "<script>alert(1)</script>";

    private static JsonObject Stream(string name, string text) =>
        new() { ["name"] = name, ["output_type"] = "stream", ["text"] = text };

    [Fact]
    public void A_stream_name_title_and_outputs_with_markup_come_out_encoded()
    {
        var notebook = Notebook.CreatePolyglot();
        var cell = notebook.AddCode("Console.WriteLine(1);");
        cell.SetOutputs(new JsonArray(
            Stream($"stdout\">{Script}", $"printed {Script}"),
            new JsonObject { ["ename"] = Script, ["evalue"] = Script, ["output_type"] = "error", ["traceback"] = new JsonArray(Script, Script) },
            new JsonObject { ["data"] = new JsonObject { ["text/plain"] = Script }, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" }), 1);

        var page = NotebookPage.Render(notebook, $"Lesson {Script}");

        Assert.DoesNotContain("<script>alert", page);
        Assert.Contains("<title>Lesson &lt;script&gt;alert(1)&lt;/script&gt;</title>", page);
        Assert.Contains("<pre class=\"output stream stdout&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">printed &lt;script&gt;", page);
        Assert.Contains("<pre class=\"output error\"><strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>: &lt;script&gt;", page);
        Assert.Contains("<pre class=\"output text\">&lt;script&gt;alert(1)&lt;/script&gt;</pre>", page);
    }

    [Fact]
    public void An_html_output_is_passed_through_as_jupyter_shows_it()
    {
        var notebook = Notebook.CreatePolyglot();
        notebook.AddCode("display(table)").SetOutputs(new JsonArray(new JsonObject
        {
            ["data"] = new JsonObject { ["text/html"] = "<table><tr><td>1</td></tr></table>", ["text/plain"] = "1" },
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        }), 1);

        Assert.Contains("<div class=\"output html\"><table><tr><td>1</td></tr></table></div>", NotebookPage.Render(notebook, "t"));
    }

    [Fact]
    public void Mermaid_cells_keep_their_source_encoded_and_the_page_embeds_mermaid_once()
    {
        var notebook = Notebook.CreatePolyglot();
        notebook.AddMarkdown("# Map");
        notebook.AddCode("#!mermaid\nflowchart LR\n  A[\"a < b\"] --> B", "mermaid");
        notebook.AddCode("#!mermaid\nmindmap\n  root((AIGC))", "mermaid");

        var page = NotebookPage.Render(notebook, "Map");

        Assert.Single(Regex.Matches(page, Regex.Escape(MermaidJs.Source[..200])));
        Assert.Equal(2, Regex.Matches(page, "<pre class=\"mermaid\">").Count);
        Assert.Contains("<pre class=\"mermaid\">flowchart LR", page);
        Assert.Contains("A[&quot;a &lt; b&quot;] --&gt; B</pre>", page);
        Assert.Contains("mermaid.run(", page);
        Assert.DoesNotMatch("<script[^>]+src=", page);
    }

    [Fact]
    public void A_page_without_mermaid_or_charts_embeds_neither_library()
    {
        var notebook = Notebook.CreatePolyglot();
        notebook.AddMarkdown("Just text");

        var page = NotebookPage.Render(notebook, "Text");

        Assert.DoesNotContain("<script", page);
        Assert.Contains("<section class=\"markdown\">\n<p>Just text</p>\n</section>", page);
    }
}
