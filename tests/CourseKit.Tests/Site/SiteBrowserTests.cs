using System.Text.RegularExpressions;
using CourseKit.Tests.Support;
using Microsoft.Playwright;

namespace CourseKit.Tests.Site;

/// <summary>
/// The built course site in Debian's Chromium (Playwright, network cut off, opened from <c>file://</c>): every page
/// loads cleanly, charts and diagrams draw, search finds and opens sections, folded parts open, and nothing scrolls
/// the page sideways at a phone's width.
/// </summary>
[Trait("Category", "Slow")]
[Collection(CourseSiteCollection.Name)]
public class SiteBrowserTests(CourseSiteFixture site)
{
    private const string Lesson1 = "notebooks/01-AIGC-Frontier-Trends.html";
    private const string Exercises1 = "exercises/01-AIGC-Frontier-Trends-Exercises.html";

    // Charts and diagrams of a page are drawn (site.js marks a chart done once it is drawn at its final size).
    private const string AllDrawn = """
        () => {
          const charts = document.querySelectorAll('.output.chart');
          const diagrams = document.querySelectorAll('pre.mermaid');
          return [...charts].every(c => c.querySelector('.main-svg') && c.getAttribute('data-drawn') === 'done') && [...diagrams].every(d => d.querySelector('svg'));
        }
        """;

    // Opens every folded part, as a reader clicking each would (the toggle event draws what it holds).
    private static Task OpenAllDetailsAsync(IPage page) =>
        page.EvaluateAsync("() => document.querySelectorAll('main details:not([open])').forEach(d => d.open = true)");

    [Fact]
    public async Task Every_page_loads_with_no_console_error_and_no_request_outside_file_urls()
    {
        Assert.Equal(9, site.Pages.Count);
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var problems = new List<string>();
        foreach (var name in site.Pages)
        {
            await using var page = await browser.OpenFileAsync(site.PathOf(name), "main.content");
            await page.Page.WaitForFunctionAsync(AllDrawn);
            await OpenAllDetailsAsync(page.Page);
            await page.Page.WaitForFunctionAsync(AllDrawn);
            problems.AddRange(page.Errors.Select(e => $"{name}: console error {e}"));
            problems.AddRange(page.BlockedRequests.Select(u => $"{name}: requested {u}"));
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Every_chart_draws_and_stays_interactive()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var charts = 0;
        foreach (var name in site.Pages)
        {
            await using var page = await browser.OpenFileAsync(site.PathOf(name), "main.content");
            await OpenAllDetailsAsync(page.Page);
            var count = await page.CountAsync(".output.chart");
            await page.Page.WaitForFunctionAsync($"document.querySelectorAll('.output.chart .main-svg').length >= {count}");
            Assert.Equal(count, await page.CountAsync(".output.chart.js-plotly-plot"));
            // Interactive: plotly's mode bar and hover layer are there, as on an offline Plotly page.
            Assert.Equal(count, await page.CountAsync(".output.chart .modebar-container"));
            charts += count;
        }
        Assert.True(charts >= 15, $"the lessons draw {charts} charts; expected at least 15");
    }

    [Fact]
    public async Task Mermaid_diagrams_are_drawn_by_mermaid_js()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync();
        await using var page = await browser.OpenFileAsync(site.PathOf(Lesson1), "pre.mermaid svg");
        await page.Page.WaitForFunctionAsync("[...document.querySelectorAll('pre.mermaid')].every(d => d.querySelector('svg'))");

        Assert.Equal(2, await page.CountAsync("pre.mermaid svg"));
        var flowchart = await page.Page.Locator("pre.mermaid svg").First.TextContentAsync();
        Assert.Contains("Capability change", flowchart);
        Assert.Contains("Product possibility change", flowchart);
        Assert.Contains("AIGC Frontier Trends", await page.Page.Locator("pre.mermaid svg").Nth(1).TextContentAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Searching_multimodal_lists_lesson_1_sections_and_opens_the_one_clicked()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync();
        await using var page = await browser.OpenFileAsync(site.PathOf("index.html"), "#search");
        await page.Page.Locator("#search").FillAsync("multimodal");
        await page.Page.WaitForSelectorAsync("#search-results a");

        var hrefs = await page.Page.Locator("#search-results a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var lesson1 = hrefs.Where(h => h.StartsWith(Lesson1 + "#", StringComparison.Ordinal)).ToList();
        Assert.True(lesson1.Count >= 3, $"lesson 1 sections found: {string.Join(", ", hrefs)}");
        Assert.Contains(Lesson1 + "#the-four-dimension-check", lesson1);
        Assert.True(await page.Page.Locator("#search-results mark").CountAsync() > 0);

        var target = lesson1[0];
        await page.Page.Locator($"#search-results a[href='{target}']").First.ClickAsync();
        await page.Page.WaitForURLAsync(new Regex(Regex.Escape(target) + "$"));
        var id = target[(target.IndexOf('#') + 1)..];
        Assert.True(await page.Page.Locator($"[id='{id}']").IsVisibleAsync());
        Assert.Equal("Lesson 1 — AIGC Frontier Trends", await page.Page.Locator("h1").First.TextContentAsync());
        Assert.Empty(page.Errors);
        Assert.Empty(page.BlockedRequests);
    }

    [Fact]
    public async Task Search_from_a_page_in_a_subfolder_opens_a_page_of_another_folder_with_enter()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync();
        await using var page = await browser.OpenFileAsync(site.PathOf(Lesson1), "#search");
        await page.Page.Locator("#search").FillAsync("L1.E1");
        await page.Page.WaitForSelectorAsync("#search-results a");
        await page.Page.Locator("#search").PressAsync("Enter");
        await page.Page.WaitForURLAsync(new Regex(@"/exercises/01-AIGC-Frontier-Trends-Exercises\.html#l1e1[^/]*$"));
        var id = new Uri(page.Page.Url).Fragment.TrimStart('#');
        Assert.Contains("L1.E1", await page.Page.Locator($"[id='{id}']").TextContentAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Hints_and_the_folded_set_up_cell_open_when_clicked()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync();
        await using var page = await browser.OpenFileAsync(site.PathOf(Exercises1), "main.content");
        var hint = page.Page.Locator("details.hint").First;
        Assert.Equal("Hint 1 of 3 for L1.E1", (await hint.Locator("summary").TextContentAsync())!.Trim());
        Assert.False(await hint.Locator("section.markdown").IsVisibleAsync());
        Assert.Equal(12, await page.CountAsync("details.hint"));

        await hint.Locator("summary").ClickAsync();
        Assert.True(await hint.EvaluateAsync<bool>("d => d.open"));
        Assert.True(await hint.Locator("section.markdown").IsVisibleAsync());
        Assert.Contains("question table", await hint.Locator("section.markdown").TextContentAsync());

        var setup = page.Page.Locator("details.folded:not(.hint)").First;
        Assert.False(await setup.Locator("pre.code").IsVisibleAsync());
        await setup.Locator("summary").ClickAsync();
        Assert.True(await setup.Locator("pre.code").IsVisibleAsync());
        Assert.Contains("CourseKit.Kit.Setup()", await setup.Locator("pre.code").TextContentAsync());
    }

    [Fact]
    public async Task No_page_scrolls_sideways_at_a_phone_width_and_wide_tables_scroll_in_their_box()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var problems = new List<string>();
        var scrollingTables = 0;
        foreach (var name in site.Pages)
        {
            await using var page = await browser.OpenFileAsync(site.PathOf(name), "main.content", viewportWidth: 390);
            await page.Page.WaitForFunctionAsync(AllDrawn);
            await OpenAllDetailsAsync(page.Page);
            await page.Page.WaitForFunctionAsync(AllDrawn);
            var widest = await page.Page.EvaluateAsync<string>("""
                () => {
                  const width = document.documentElement.clientWidth;
                  if (document.documentElement.scrollWidth <= width) return '';
                  const inScroller = e => {
                    for (let p = e.parentElement; p; p = p.parentElement)
                      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true;
                    return false;
                  };
                  const wide = [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > width + 1 && !inScroller(e));
                  return document.documentElement.scrollWidth + 'px wide: ' +
                    wide.slice(0, 5).map(e => e.tagName + '.' + (e.getAttribute('class') || '')).join(', ');
                }
                """);
            if (widest.Length > 0) problems.Add($"{name}: {widest}");
            // Charts fitted to the column keep every label inside; a grid of small charts scrolls in its box instead.
            problems.AddRange((await page.TextOutsideContainersAsync(".output.chart:not(.scrolls)", tolerance: 2)).Select(c => $"{name}: chart text cut off: {c}"));
            scrollingTables += await page.Page.EvaluateAsync<int>(
                "() => [...document.querySelectorAll('.markdown table, .output.html')].filter(t => t.scrollWidth > t.clientWidth + 1).length");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(scrollingTables > 0, "no table is wider than a phone, so none was seen scrolling inside its box");
    }

    [Fact]
    public async Task The_current_page_is_marked_and_its_headings_link_into_it()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync();
        await using var page = await browser.OpenFileAsync(site.PathOf(Lesson1), "main.content");
        var current = page.Page.Locator(".toc a[aria-current='page']");
        Assert.Equal(1, await current.CountAsync());
        Assert.Equal("Lesson 1 — AIGC Frontier Trends", await current.TextContentAsync());
        await page.Page.Locator(".toc .headings a", new() { HasText = "Common mistakes" }).ClickAsync();
        await page.Page.WaitForURLAsync(new Regex("#common-mistakes$"));
        Assert.Equal("../exercises/01-AIGC-Frontier-Trends-Exercises.html", await page.Page.Locator(".pager a[rel='next']").GetAttributeAsync("href"));
        Assert.Equal("../index.html", await page.Page.Locator(".pager a[rel='prev']").GetAttributeAsync("href"));
    }
}
