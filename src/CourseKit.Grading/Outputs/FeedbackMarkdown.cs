using System.Text;

namespace CourseKit.Grading.Outputs;

/// <summary><c>feedback/&lt;id&gt;.md</c>.</summary>
public static class FeedbackMarkdown
{
    public static string Write(FeedbackModel model)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Feedback for {model.StudentId}");
        text.AppendLine();
        text.AppendLine($"**{model.TotalLine}**");
        text.AppendLine();
        if (model.Problems.Count > 0)
        {
            text.AppendLine("## Problems found in your submission");
            text.AppendLine();
            foreach (var problem in model.Problems) text.AppendLine($"- {Inline(problem)}");
            text.AppendLine();
        }
        FailedCodeView.AppendMarkdown(text, model.FailedCode, Inline);
        foreach (var exercise in model.Exercises)
        {
            text.AppendLine($"## {exercise.Id} · {Inline(exercise.Title)}: {Csv.Number(exercise.Earned)}/{exercise.Points} points, {exercise.Verdict}");
            text.AppendLine();
            text.AppendLine(Inline(Sentence(exercise.Summary)));
            if (exercise.Checks.Count > 0) text.AppendLine();
            foreach (var check in exercise.Checks)
            {
                var mark = check.Passed ? "✓" : "✗";
                var who = check.Hidden ? " (instructor's check)" : "";
                var message = check.Message is null ? "" : $": {Inline(check.Message)}";
                text.AppendLine($"- {mark} {Inline(check.Name)}{who}{check.PointsLabel}{message}");
            }
            if (exercise.Hints.Count > 0)
            {
                text.AppendLine();
                text.AppendLine("Hints:");
                text.AppendLine();
                foreach (var hint in exercise.Hints) text.AppendLine($"- {Inline(hint)}");
            }
            text.AppendLine();
        }
        return text.ToString();
    }

    public static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // Student-controlled text stays on one line and cannot open HTML in a Markdown viewer.
    private static string Inline(string text) =>
        text.ReplaceLineEndings(" ").Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
