using CourseKit.Grading.Results;
using CourseKit.IO;

namespace CourseKit.Grading.Outputs;

/// <summary>Writes every output from the stored results, each file atomically.</summary>
public static class OutputWriter
{
    public static void WriteAll(string outDir, IReadOnlyList<StudentResult> results)
    {
        AtomicFile.WriteAllText(Path.Combine(outDir, GradesCsv.FileName), GradesCsv.Write(results));
        AtomicFile.WriteAllText(Path.Combine(outDir, CanvasCsv.FileName), CanvasCsv.Write(results));
        AtomicFile.WriteAllText(Path.Combine(outDir, ManualSheet.FileName), ManualSheet.Write(results));
        AtomicFile.WriteAllText(Path.Combine(outDir, ClassSummary.FileName), ClassSummary.Write(results));
        foreach (var result in results)
        {
            var model = FeedbackModel.Of(result);
            AtomicFile.WriteAllText(Path.Combine(outDir, "feedback", result.StudentId + ".md"), FeedbackMarkdown.Write(model));
            AtomicFile.WriteAllText(Path.Combine(outDir, "feedback", result.StudentId + ".html"), FeedbackHtml.Write(model));
        }
    }
}
