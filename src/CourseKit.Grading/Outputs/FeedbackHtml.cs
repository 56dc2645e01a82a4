using CourseKit.Notebooks.Rendering;

namespace CourseKit.Grading.Outputs;

/// <summary><c>feedback/&lt;id&gt;.html</c>: the same feedback as a self-contained page (<c>Templates/feedback.liquid</c>).</summary>
public static class FeedbackHtml
{
    public sealed record Page(string StudentId, string TotalLine, IReadOnlyList<string> Problems, IReadOnlyList<Exercise> Exercises)
    {
        /// <summary>The student's code where a notebook failed (<see cref="FailedCodeView"/>).</summary>
        public IReadOnlyList<FailedCodeView.Block> FailedCode { get; init; } = [];
    }

    public sealed record Exercise(string Heading, string Summary, IReadOnlyList<Check> Checks, IReadOnlyList<TrustedHtml> Hints);

    /// <summary>A check; <see cref="After"/> says whose check it is and its points.</summary>
    public sealed record Check(bool Passed, string Name, string After, TrustedHtml? Message);

    private static readonly HtmlTemplate Template = HtmlTemplate.FromResource(
        typeof(FeedbackHtml).Assembly, "feedback.liquid", typeof(Page), typeof(Exercise), typeof(Check),
        typeof(FailedCodeView.Block), typeof(FailedCodeView.Excerpt), typeof(FailedCodeView.Line));

    public static string Write(FeedbackModel model) => Template.Render(new Page(
        model.StudentId,
        model.TotalLine,
        model.Problems,
        model.Exercises.Select(exercise => new Exercise(
            $"{exercise.Id} · {exercise.Title}: {Csv.Number(exercise.Earned)}/{exercise.Points} points, {exercise.Verdict}",
            FeedbackMarkdown.Sentence(exercise.Summary),
            exercise.Checks.Select(check => new Check(
                check.Passed,
                check.Name,
                (check.Hidden ? " (instructor's check)" : "") + check.PointsLabel,
                check.Message is null ? null : Markdown(check.Message))).ToList(),
            exercise.Hints.Select(Markdown).ToList())).ToList())
    {
        FailedCode = FailedCodeView.Html(model.FailedCode),
    });

    // Hints and messages are written in Markdown (the .md feedback shows them as such): Markdig renders them,
    // so their `code` spans become <code> and their text is encoded.
    private static TrustedHtml Markdown(string text) => new(MarkdownRenderer.RenderInline(text));
}
