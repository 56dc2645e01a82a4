namespace CourseKit.Grading.Submissions;

/// <summary>One student's hand-in: a folder, or a <c>.zip</c> that is unpacked before grading.</summary>
public sealed record Submission(string StudentId, string Path, bool IsZip);

/// <summary>A submission ready to grade: the folder holding its notebooks, or why there is none.</summary>
public sealed record UnpackedSubmission(string StudentId, string? Folder, string? Problem, string? TempFolder = null) : IDisposable
{
    public void Dispose()
    {
        if (TempFolder is null) return;
        try { Directory.Delete(TempFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
