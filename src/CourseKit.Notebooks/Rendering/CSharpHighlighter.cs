using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Rendering;

/// <summary>Colours C# source for the HTML pages: comments, strings, keywords, numbers and directives.</summary>
public static partial class CSharpHighlighter
{
    public static string Highlight(string code)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match token in Token().Matches(code))
        {
            html.Append(WebUtility.HtmlEncode(code[last..token.Index]));
            var kind = token.Groups["comment"].Success ? "comment"
                : token.Groups["directive"].Success ? "directive"
                : token.Groups["string"].Success ? "string"
                : token.Groups["number"].Success ? "number"
                : "keyword";
            html.Append($"<span class=\"tok-{kind}\">{WebUtility.HtmlEncode(token.Value)}</span>");
            last = token.Index + token.Length;
        }
        html.Append(WebUtility.HtmlEncode(code[last..]));
        return html.ToString();
    }

    [GeneratedRegex("""
        (?<comment>//[^\n]*|/\*[\s\S]*?\*/)
        |(?<directive>^\s*\#!?[a-z]+[^\n]*)
        |(?<string>\$?@?"(?:[^"\\\n]|\\.|"")*"|'(?:[^'\\\n]|\\.)')
        |(?<number>\b\d+(?:\.\d+)?[mMdDfFlL]?\b)
        |(?<keyword>\b(?:var|new|using|return|if|else|foreach|for|while|in|int|double|decimal|string|bool|void|true|false|null|static|class|record|public|private|this|is|not|and|or|switch|case|default|break|continue|const|readonly|await|async|select|from|where|orderby|let|params|out|ref|typeof|nameof|throw|try|catch|finally)\b)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.Multiline)]
    private static partial Regex Token();
}
