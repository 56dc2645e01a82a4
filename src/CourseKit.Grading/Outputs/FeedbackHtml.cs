using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CourseKit.Grading.Outputs;

/// <summary><c>feedback/&lt;id&gt;.html</c>: the same feedback as a self-contained page.</summary>
public static partial class FeedbackHtml
{
    public static string Write(FeedbackModel model)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>Feedback for {E(model.StudentId)}</title>\n");
        html.Append("<style>body{font-family:Arial,Helvetica,sans-serif;margin:24px;color:#1f2937;max-width:900px}")
            .Append(".pass{color:#047857}.fail{color:#b91c1c}.problems{background:#fef3c7;padding:8px 16px}code{background:#f3f4f6;padding:0 3px;border-radius:3px}</style>\n</head>\n<body>\n");
        html.Append($"<h1>Feedback for {E(model.StudentId)}</h1>\n<p><strong>{E(model.TotalLine)}</strong></p>\n");
        if (model.Problems.Count > 0)
        {
            html.Append("<div class=\"problems\"><h2>Problems found in your submission</h2>\n<ul>\n");
            foreach (var problem in model.Problems) html.Append($"<li>{E(problem)}</li>\n");
            html.Append("</ul></div>\n");
        }
        foreach (var exercise in model.Exercises)
        {
            html.Append($"<h2>{E(exercise.Id)} · {E(exercise.Title)}: {Csv.Number(exercise.Earned)}/{exercise.Points} points, {E(exercise.Verdict)}</h2>\n");
            html.Append($"<p>{E(FeedbackMarkdown.Sentence(exercise.Summary))}</p>\n");
            if (exercise.Checks.Count > 0)
            {
                html.Append("<ul>\n");
                foreach (var check in exercise.Checks)
                {
                    var mark = check.Passed ? "<span class=\"pass\">✓</span>" : "<span class=\"fail\">✗</span>";
                    var who = check.Hidden ? " (instructor's check)" : "";
                    var message = check.Message is null ? "" : $": {WithCode(check.Message)}";
                    html.Append($"<li>{mark} {E(check.Name)}{who}{check.PointsLabel}{message}</li>\n");
                }
                html.Append("</ul>\n");
            }
            if (exercise.Hints.Count > 0)
            {
                html.Append("<p>Hints:</p>\n<ul>\n");
                foreach (var hint in exercise.Hints) html.Append($"<li>{WithCode(hint)}</li>\n");
                html.Append("</ul>\n");
            }
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    // Hints and messages are written for Markdown: their `code` spans become <code> here, after encoding.
    private static string WithCode(string text) => CodeSpan().Replace(E(text), "<code>$1</code>");

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
