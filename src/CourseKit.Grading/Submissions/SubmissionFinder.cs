namespace CourseKit.Grading.Submissions;

/// <summary>
/// Lists a class's submissions: one folder per student, or <c>&lt;id&gt;.zip</c>. When a student handed in both, the
/// folder is graded and the zip is not, and the submission carries that conflict (the run summary and the student's
/// feedback report it). The folder wins because it is what the instructor sees and may have unpacked or corrected by
/// hand; modification times are no guide, as a download from a learning platform resets them.
/// </summary>
public static class SubmissionFinder
{
    public static IReadOnlyList<Submission> Find(string submissionsDir)
    {
        if (!Directory.Exists(submissionsDir))
            throw new GradingException($"The submissions folder {submissionsDir} does not exist; expected a folder holding one folder (or .zip) per student.");
        var found = new Dictionary<string, Submission>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(submissionsDir))
        {
            var id = Path.GetFileName(folder);
            if (id.StartsWith('.')) continue;
            found[id] = new Submission(id, folder, IsZip: false);
        }
        foreach (var zip in Directory.EnumerateFiles(submissionsDir, "*.zip"))
        {
            var id = Path.GetFileNameWithoutExtension(zip);
            if (id.StartsWith('.') || id.Length == 0) continue;
            found[id] = found.TryGetValue(id, out var folder)
                ? folder with { Conflict = ConflictNote(id) }
                : new Submission(id, zip, IsZip: true);
        }
        return found.Values.OrderBy(s => s.StudentId, StringComparer.Ordinal).ToList();
    }

    private static string ConflictNote(string id) =>
        $"two submissions have the id '{id}': the folder {id}/ and {id}.zip. The folder was graded and {id}.zip was not (when both exist, the folder is graded); to grade the zip instead, remove the folder and grade again with --force.";
}
