namespace CourseKit.Grading.Submissions;

/// <summary>Lists a class's submissions: one folder per student, or <c>&lt;id&gt;.zip</c>; a folder wins over a zip of the same id.</summary>
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
            found.TryAdd(id, new Submission(id, zip, IsZip: true));
        }
        return found.Values.OrderBy(s => s.StudentId, StringComparer.Ordinal).ToList();
    }
}
