using CourseKit.Grading.Results;
using CourseKit.IO;

namespace CourseKit.Grading.Outputs;

/// <summary>Writes every output from the stored results, each file atomically.</summary>
public static class OutputWriter
{
    /// <param name="feedbackWritten">Students whose feedback pages <see cref="WriteFeedback"/> already wrote from these very results.</param>
    public static void WriteAll(string outDir, IReadOnlyList<StudentResult> results, IReadOnlySet<string>? feedbackWritten = null)
    {
        AtomicFile.WriteAllText(Path.Combine(outDir, GradesCsv.FileName), GradesCsv.Write(results));
        AtomicFile.WriteAllText(Path.Combine(outDir, CanvasCsv.FileName), CanvasCsv.Write(results));
        AtomicFile.WriteAllText(Path.Combine(outDir, ManualSheet.FileName), ManualSheet.Write(results));
        AtomicFile.WriteAllText(Path.Combine(outDir, ClassSummary.FileName), ClassSummary.Write(results));
        // Each student's pages on their own, on every core: they are the last thing a grading run waits for.
        Parallel.ForEach(results.Where(r => feedbackWritten?.Contains(r.StudentId) != true), result => WriteFeedback(outDir, result));
    }

    /// <summary>One student's feedback pages (Markdown and HTML), which depend on that student's result alone.</summary>
    public static void WriteFeedback(string outDir, StudentResult result)
    {
        var model = FeedbackModel.Of(result);
        AtomicFile.WriteAllText(Path.Combine(outDir, "feedback", result.StudentId + ".md"), FeedbackMarkdown.Write(model));
        AtomicFile.WriteAllText(Path.Combine(outDir, "feedback", result.StudentId + ".html"), FeedbackHtml.Write(model));
    }

    /// <summary>
    /// Renders every kind of output once for a made-up student, writing nothing: the templates parse and the chart and
    /// Markdown code is compiled while a grading run starts, when the compiler's warm-up leaves cores idle, and not
    /// after its last submission, when nothing else is left to do.
    /// </summary>
    public static void WarmUp()
    {
        var sample = Running.SubmissionGrader.Failed("warm-up", "a made-up submission, rendered to warm the outputs up");
        var model = FeedbackModel.Of(sample);
        _ = FeedbackMarkdown.Write(model) + FeedbackHtml.Write(model);
        _ = GradesCsv.Write([sample]) + CanvasCsv.Write([sample]) + ManualSheet.Write([sample]) + ClassSummary.Write([sample]);
    }
}
