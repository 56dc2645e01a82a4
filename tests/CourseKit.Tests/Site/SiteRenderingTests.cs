using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Site;

namespace CourseKit.Tests.Site;

/// <summary>The site's steps on small hand-made notebooks, without running them: cell tags, links, headings, search index.</summary>
public partial class SiteRenderingTests
{
    private static NotebookCell Code(Notebook notebook, string source, string output, params string[] tags)
    {
        var cell = notebook.AddCode(source);
        cell.SetOutputs([JsonNode.Parse($$"""{"output_type":"stream","name":"stdout","text":"{{output}}"}""")], 1);
        if (tags.Length > 0) cell.Metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray());
        return cell;
    }

    private static (SitePlan Plan, IReadOnlyList<PageText> Texts) Plan(params PlannedPage[] pages)
    {
        var plan = new SitePlan("Test course", pages);
        return (plan, PageTexts.Render(plan));
    }

    private static string Body(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("<nav class=\"pager\"", StringComparison.Ordinal)];

    private static string RenderOne(Notebook notebook)
    {
        var (plan, texts) = Plan(PlannedPage.FromNotebook("notebooks/a.ipynb", "notebooks/a.html", 0, notebook));
        return Body(SitePages.Compose(plan, texts, new ExecutedNotebooks(new Dictionary<string, Notebook>()), null).Single().Html);
    }

    [Fact]
    public void Hide_tags_fold_that_part_into_details_and_remove_tags_leave_it_out()
    {
        var notebook = Notebook.CreatePolyglot();
        notebook.AddMarkdown("# Tags");
        Code(notebook, "var plain = 1;", "plain-out");
        Code(notebook, "var hiddenInput = 2;", "hidden-input-out", "hide-input");
        Code(notebook, "var hiddenOutput = 3;", "hidden-output-out", "hide-output");
        Code(notebook, "var hiddenCell = 4;", "hidden-cell-out", "hide-cell");
        Code(notebook, "var removedInput = 5;", "removed-input-out", "remove-input");
        Code(notebook, "var removedOutput = 6;", "removed-output-out", "remove-output");
        Code(notebook, "var removedCell = 7;", "removed-cell-out", "remove-cell");
        Code(notebook, "var both = 8;", "both-out", "hide-input", "remove-input");
        notebook.AddMarkdown("Removed prose.").Metadata["tags"] = new JsonArray("remove-cell");
        notebook.AddMarkdown("Folded prose.").Metadata["tags"] = new JsonArray("hide-cell");

        var body = RenderOne(notebook);

        // What each <details> holds, by the summary it opens with.
        var folded = DetailsBlock().Matches(body).Select(m => (Summary: m.Groups["summary"].Value, Inner: m.Groups["inner"].Value)).ToList();
        Assert.Contains("plain", body);
        Assert.Contains("plain-out", body);
        Assert.DoesNotContain(folded, f => f.Inner.Contains("plain"));
        var input = Assert.Single(folded, f => f.Inner.Contains("hiddenInput"));
        Assert.Equal("Show code", input.Summary);
        Assert.DoesNotContain("hidden-input-out", input.Inner);
        Assert.Contains("hidden-input-out", body);
        var output = Assert.Single(folded, f => f.Inner.Contains("hidden-output-out"));
        Assert.Equal("Show output", output.Summary);
        Assert.DoesNotContain("hiddenOutput", output.Inner);
        var cell = Assert.Single(folded, f => f.Inner.Contains("hiddenCell"));
        Assert.Equal("Show code cell", cell.Summary);
        Assert.Contains("hidden-cell-out", cell.Inner);
        Assert.DoesNotContain("removedInput", body);
        Assert.Contains("removed-input-out", body);
        Assert.Contains("removedOutput", body);
        Assert.DoesNotContain("removed-output-out", body);
        Assert.DoesNotContain("removedCell", body);
        Assert.DoesNotContain("removed-cell-out", body);
        Assert.DoesNotContain("both = 8", body);
        Assert.Contains("both-out", body);
        Assert.DoesNotContain("Removed prose", body);
        Assert.Equal("Show text", Assert.Single(folded, f => f.Inner.Contains("Folded prose")).Summary);
    }

    [Fact]
    public void Links_between_notebooks_become_relative_links_between_pages()
    {
        var lesson = Notebook.CreatePolyglot();
        lesson.AddMarkdown("# Lesson\n\nSee [the path](README.md), [the exercises](../exercises/a-Exercises.ipynb#task-one), [below](#more), [the web](https://example.org/x.ipynb).\n\n## More");
        var exercises = Notebook.CreatePolyglot();
        exercises.AddMarkdown("# Exercises\n\n## Task one\n\nBack to [the lesson](../notebooks/a.ipynb).");
        var (plan, texts) = Plan(
            PlannedPage.FromMarkdown("notebooks/README.md", "index.html", 0, "# Path\n\n[Lesson](a.ipynb)"),
            PlannedPage.FromNotebook("notebooks/a.ipynb", "notebooks/a.html", 0, lesson),
            PlannedPage.FromNotebook("exercises/a-Exercises.ipynb", "exercises/a-Exercises.html", 1, exercises));
        LinkCheck.Verify(texts);

        Assert.Contains("<a href=\"notebooks/a.html\">Lesson</a>", texts[0].BlockHtml[0]);
        var html = texts[1].BlockHtml[0]!;
        Assert.Contains("href=\"../index.html\"", html);
        Assert.Contains("href=\"../exercises/a-Exercises.html#task-one\"", html);
        Assert.Contains("href=\"#more\"", html);
        Assert.Contains("href=\"https://example.org/x.ipynb\"", html);
        Assert.Contains("href=\"../notebooks/a.html\"", texts[2].BlockHtml[0]);
    }

    [Fact]
    public void Broken_links_stop_the_build_each_named_with_its_page_and_the_link_as_written()
    {
        var lesson = Notebook.CreatePolyglot();
        lesson.AddMarkdown("# Lesson\n\n[next](02-Next.ipynb) · [data](../data/trends.csv) · [gone](#nowhere) · [up](../../outside.ipynb)");
        var (_, texts) = Plan(PlannedPage.FromNotebook("notebooks/01-Lesson.ipynb", "notebooks/01-Lesson.html", 0, lesson));

        var error = Assert.Throws<SiteException>(() => LinkCheck.Verify(texts));

        Assert.Equal(
        [
            "notebooks/01-Lesson.ipynb: the link '02-Next.ipynb' points to the notebook notebooks/02-Next.ipynb, which is not in the course.",
            "notebooks/01-Lesson.ipynb: the link '../data/trends.csv' points to data/trends.csv, which is not a page of the site (notebooks and the learning path's README.md are).",
            "notebooks/01-Lesson.ipynb: the link '#nowhere' points to #nowhere in notebooks/01-Lesson.ipynb, which has no heading with that id.",
            "notebooks/01-Lesson.ipynb: the link '../../outside.ipynb' points outside the course folder.",
        ], error.Problems);
    }

    [Fact]
    public void Heading_ids_are_unique_across_the_cells_of_a_page_and_feed_the_search_index()
    {
        var notebook = Notebook.CreatePolyglot();
        notebook.AddMarkdown("# Multimodal lesson\n\nIntro text.");
        notebook.AddMarkdown("## Summary\n\nMultimodality changes the entry point.");
        notebook.AddMarkdown("## Summary\n\nSecond summary about costs.");
        var (_, texts) = Plan(PlannedPage.FromNotebook("notebooks/m.ipynb", "notebooks/m.html", 0, notebook));
        var text = texts.Single();

        Assert.Equal(["multimodal-lesson", "summary", "summary-1"], text.Headings.Select(h => h.Id));
        Assert.Contains("id=\"summary-1\"", text.BlockHtml[2]);
        Assert.Equal("Multimodal lesson", text.Title);

        var index = SearchIndex.Build(texts);
        var sections = index.Terms["multimodality"].Where((_, i) => i % 2 == 0).Select(s => index.Sections[s].Anchor);
        Assert.Equal(["summary"], sections);
        Assert.Equal(["multimodal-lesson"], index.Terms["multimodal"].Where((_, i) => i % 2 == 0).Select(s => index.Sections[s].Anchor));
        Assert.StartsWith("window.SEARCH_INDEX = {", SearchIndex.Script(index));
    }

    [GeneratedRegex("<details[^>]*><summary>(?<summary>[^<]*)</summary>(?<inner>.*?)</details>", RegexOptions.Singleline)]
    private static partial Regex DetailsBlock();
}
