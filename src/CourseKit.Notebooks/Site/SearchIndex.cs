using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Site;

/// <summary>
/// The search index, prebuilt as a script (<c>assets/search-index.js</c> sets <c>window.SEARCH_INDEX</c>) because a
/// page opened from <c>file://</c> cannot fetch a JSON file. It lists the pages, their sections (the text under each
/// heading) and every term with the sections holding it and a weight (a heading's words count more).
/// </summary>
public static partial class SearchIndex
{
    // A word in a section's heading outweighs any number of mentions in its text, so a long section that mentions
    // a word often does not bury the section that is about it.
    public const int HeadingWeight = 10;
    public const int TitleWeight = 2;
    public const int MaxTextWeight = 3;

    public sealed record IndexedPage([property: JsonPropertyName("t")] string Title, [property: JsonPropertyName("u")] string Url);

    public sealed record IndexedSection(
        [property: JsonPropertyName("p")] int Page, [property: JsonPropertyName("a")] string Anchor,
        [property: JsonPropertyName("h")] string Heading, [property: JsonPropertyName("x")] string Text);

    /// <param name="Terms">term → [section, weight, section, weight, …]</param>
    public sealed record Index(
        [property: JsonPropertyName("pages")] IReadOnlyList<IndexedPage> Pages,
        [property: JsonPropertyName("sections")] IReadOnlyList<IndexedSection> Sections,
        [property: JsonPropertyName("terms")] IReadOnlyDictionary<string, List<int>> Terms);

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Default };

    public static Index Build(IReadOnlyList<PageText> pages)
    {
        var indexedPages = pages.Select(p => new IndexedPage(p.Title, p.Page.Path)).ToList();
        var sections = new List<IndexedSection>();
        var terms = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var section in pages[p].Sections)
            {
                var number = sections.Count;
                sections.Add(new IndexedSection(p, section.Anchor, section.Heading, section.Text));
                var weights = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var term in Terms(section.Text))
                    weights[term] = Math.Min(weights.GetValueOrDefault(term) + 1, MaxTextWeight);
                foreach (var term in Terms(section.Heading).Distinct())
                    weights[term] = weights.GetValueOrDefault(term) + HeadingWeight;
                if (section.Anchor.Length == 0)
                    foreach (var term in Terms(pages[p].Title).Distinct())
                        weights[term] = weights.GetValueOrDefault(term) + TitleWeight;
                foreach (var (term, weight) in weights)
                {
                    if (!terms.TryGetValue(term, out var postings)) terms[term] = postings = [];
                    postings.Add(number);
                    postings.Add(weight);
                }
            }
        }
        return new Index(indexedPages, sections, terms);
    }

    /// <summary>The words of a text as the search matches them: lower case, split at anything but letters and digits (as site.js splits a query).</summary>
    public static IEnumerable<string> Terms(string text) =>
        NonWord().Split(text.ToLowerInvariant()).Where(t => t.Length > 0);

    public static string Script(Index index) => "window.SEARCH_INDEX = " + JsonSerializer.Serialize(index, Json) + ";\n";

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
