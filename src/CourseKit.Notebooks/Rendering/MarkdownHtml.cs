using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Rendering;

/// <summary>
/// Markdown to HTML for notebook text cells: headings, paragraphs, lists, tables, block quotes,
/// fenced code, rules, and inline code, emphasis and links. Raw HTML is escaped, never passed through.
/// </summary>
public static partial class MarkdownHtml
{
    public static string Render(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var html = new StringBuilder();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) { i++; continue; }

            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                var language = line.Trim()[3..].Trim();
                var code = new List<string>();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++) code.Add(lines[i]);
                i++;
                html.Append(CodeBlock(string.Join('\n', code), language));
                continue;
            }
            if (Heading().Match(line) is { Success: true } heading)
            {
                var level = heading.Groups[1].Value.Length;
                var text = heading.Groups[2].Value.Trim();
                html.Append($"<h{level} id=\"{Slug(text)}\">{Inline(text)}</h{level}>\n");
                i++;
                continue;
            }
            if (Rule().IsMatch(line)) { html.Append("<hr>\n"); i++; continue; }
            if (line.TrimStart().StartsWith('|') && i + 1 < lines.Length && TableDivider().IsMatch(lines[i + 1]))
            {
                i = Table(lines, i, html);
                continue;
            }
            if (line.TrimStart().StartsWith('>'))
            {
                var quote = new List<string>();
                for (; i < lines.Length && lines[i].TrimStart().StartsWith('>'); i++) quote.Add(lines[i].TrimStart()[1..].TrimStart());
                html.Append("<blockquote>\n").Append(Render(string.Join('\n', quote))).Append("</blockquote>\n");
                continue;
            }
            if (ListItem().IsMatch(line))
            {
                i = List(lines, i, html);
                continue;
            }
            var paragraph = new List<string>();
            for (; i < lines.Length && lines[i].Trim().Length > 0 && !StartsBlock(lines, i); i++) paragraph.Add(lines[i].Trim());
            if (paragraph.Count == 0) { paragraph.Add(lines[i].Trim()); i++; }
            html.Append("<p>").Append(Inline(string.Join(' ', paragraph))).Append("</p>\n");
        }
        return html.ToString();
    }

    public static string CodeBlock(string code, string language) =>
        language is "csharp" or "cs" or "c#"
            ? $"<pre class=\"code\"><code class=\"language-csharp\">{CSharpHighlighter.Highlight(code)}</code></pre>\n"
            : $"<pre class=\"code\"><code>{WebUtility.HtmlEncode(code)}</code></pre>\n";

    private static bool StartsBlock(string[] lines, int i) =>
        Heading().IsMatch(lines[i]) || Rule().IsMatch(lines[i]) || ListItem().IsMatch(lines[i]) ||
        lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal) || lines[i].TrimStart().StartsWith('>') ||
        (lines[i].TrimStart().StartsWith('|') && i + 1 < lines.Length && TableDivider().IsMatch(lines[i + 1]));

    private static int List(string[] lines, int i, StringBuilder html)
    {
        var first = ListItem().Match(lines[i]);
        var indent = first.Groups[1].Value.Length;
        var ordered = char.IsDigit(first.Groups[2].Value[0]);
        html.Append(ordered ? "<ol>\n" : "<ul>\n");
        while (i < lines.Length)
        {
            var match = ListItem().Match(lines[i]);
            if (!match.Success || match.Groups[1].Value.Length < indent) break;
            if (match.Groups[1].Value.Length > indent) { i = List(lines, i, html); continue; }
            var text = new List<string> { match.Groups[3].Value.Trim() };
            for (i++; i < lines.Length && lines[i].Trim().Length > 0 && !ListItem().IsMatch(lines[i]) && !StartsBlock(lines, i); i++)
                text.Add(lines[i].Trim());
            html.Append("<li>").Append(Inline(string.Join(' ', text)));
            if (i < lines.Length && ListItem().Match(lines[i]) is { Success: true } next && next.Groups[1].Value.Length > indent)
                i = List(lines, i, html);
            html.Append("</li>\n");
        }
        html.Append(ordered ? "</ol>\n" : "</ul>\n");
        return i;
    }

    private static int Table(string[] lines, int i, StringBuilder html)
    {
        static List<string> Cells(string row) =>
            row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();
        html.Append("<table>\n<thead><tr>");
        foreach (var header in Cells(lines[i])) html.Append("<th>").Append(Inline(header)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        for (i += 2; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
        {
            html.Append("<tr>");
            foreach (var cell in Cells(lines[i])) html.Append("<td>").Append(Inline(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        return i;
    }

    /// <summary>Inline markup on HTML-escaped text; code spans are protected from further markup.</summary>
    public static string Inline(string text)
    {
        var codes = new List<string>();
        var escaped = CodeSpan().Replace(text, m =>
        {
            codes.Add($"<code>{WebUtility.HtmlEncode(m.Groups[1].Value)}</code>");
            return $"\u0000{codes.Count - 1}\u0000";
        });
        escaped = WebUtility.HtmlEncode(escaped);
        escaped = Link().Replace(escaped, m => $"<a href=\"{LinkTarget(m.Groups[2].Value)}\">{m.Groups[1].Value}</a>");
        escaped = Bold().Replace(escaped, "<strong>$1</strong>");
        escaped = Italic().Replace(escaped, "<em>$1</em>");
        return Placeholder().Replace(escaped, m => codes[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
    }

    // Links between notebooks point at their rendered pages.
    private static string LinkTarget(string target) =>
        target.StartsWith("http", StringComparison.Ordinal) || target.StartsWith('#')
            ? target
            : NotebookLink().Replace(target, ".html$1");

    public static string Slug(string text) =>
        NonSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")] private static partial Regex Heading();
    [GeneratedRegex(@"^\s*([-*_])(\s*\1){2,}\s*$")] private static partial Regex Rule();
    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}")] private static partial Regex TableDivider();
    [GeneratedRegex(@"^(\s*)([-*+]|\d+[.)])\s+(.*)$")] private static partial Regex ListItem();
    [GeneratedRegex(@"`([^`]+)`")] private static partial Regex CodeSpan();
    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")] private static partial Regex Link();
    [GeneratedRegex(@"\*\*(.+?)\*\*")] private static partial Regex Bold();
    [GeneratedRegex(@"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)")] private static partial Regex Italic();
    [GeneratedRegex("\u0000(\\d+)\u0000")] private static partial Regex Placeholder();
    [GeneratedRegex(@"\.(?:ipynb|dib)(#.*)?$")] private static partial Regex NotebookLink();
    [GeneratedRegex(@"[^a-z0-9]+")] private static partial Regex NonSlug();
}
