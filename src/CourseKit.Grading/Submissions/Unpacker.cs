namespace CourseKit.Grading.Submissions;

/// <summary>
/// Turns a submission into a folder to grade: folders as they are, zips unpacked by <see cref="SafeZip"/>; then refuses
/// one whose exercise notebooks exceed the size cap (<see cref="NotebookSizeCap"/>), before anything reads them.
/// </summary>
public static class Unpacker
{
    public static UnpackedSubmission Unpack(Submission submission, long maxNotebookBytes)
    {
        var unpacked = submission.IsZip ? SafeZip.Unpack(submission, maxNotebookBytes) : new UnpackedSubmission(submission.StudentId, submission.Path, null);
        return unpacked.Folder is { } folder && NotebookSizeCap.Check(folder, maxNotebookBytes) is { } tooLarge
            ? unpacked with { Problem = tooLarge, NotGradable = tooLarge }
            : unpacked;
    }
}
