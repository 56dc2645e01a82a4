namespace CourseKit.Grading.Submissions;

/// <summary>Turns a submission into a folder to grade: folders as they are, zips unpacked by <see cref="SafeZip"/>.</summary>
public static class Unpacker
{
    public static UnpackedSubmission Unpack(Submission submission) =>
        submission.IsZip ? SafeZip.Unpack(submission) : new UnpackedSubmission(submission.StudentId, submission.Path, null);
}
