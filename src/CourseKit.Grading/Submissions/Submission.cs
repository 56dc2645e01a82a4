namespace CourseKit.Grading.Submissions;

/// <summary>
/// One student's hand-in: a folder, or a <c>.zip</c> that is unpacked before grading. <see cref="Conflict"/> says
/// what else was handed in under the same id and was not graded (see <see cref="SubmissionFinder"/>).
/// </summary>
public sealed record Submission(string StudentId, string Path, bool IsZip, string? Conflict = null);

/// <summary>
/// A submission ready to grade: the folder holding its notebooks, or why there is none (<see cref="Problem"/>), or why
/// the grader refuses to read it at all (<see cref="NotGradable"/>: it is then not graded, which is not a score of 0).
/// </summary>
public sealed record UnpackedSubmission(string StudentId, string? Folder, string? Problem, string? TempFolder = null, string? NotGradable = null) : IDisposable
{
    public void Dispose()
    {
        if (TempFolder is null) return;
        try { Directory.Delete(TempFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
