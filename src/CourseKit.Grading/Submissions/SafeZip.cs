using System.IO.Compression;

namespace CourseKit.Grading.Submissions;

/// <summary>
/// Unpacks a student's zip into a private temporary folder: no absolute paths, no <c>..</c>, no links,
/// at most <see cref="MaxEntries"/> entries and <see cref="MaxBytes"/> bytes unpacked (counted as written). An exercise
/// notebook entry larger than the notebook cap (by its declared size, before anything is unpacked, or as written) and a zip
/// over <see cref="MaxBytes"/> make the submission not gradable.
/// </summary>
public static class SafeZip
{
    public const int MaxEntries = 200;
    public const long MaxBytes = 50L * 1024 * 1024;

    public static UnpackedSubmission Unpack(Submission submission, long maxNotebookBytes = Isolation.GradingLimits.DefaultMaxNotebookMegabytes * 1024L * 1024)
    {
        var temp = Directory.CreateTempSubdirectory("coursekit-grade-").FullName;
        var name = Path.GetFileName(submission.Path);
        try
        {
            using var archive = ZipFile.OpenRead(submission.Path);
            if (archive.Entries.Count > MaxEntries)
                return Failed($"{name} has {archive.Entries.Count} entries; at most {MaxEntries} are accepted.");
            if (archive.Entries.FirstOrDefault(e => NotebookSizeCap.IsExerciseNotebook(e.Name) && e.Length > maxNotebookBytes) is { } huge)
                return Refused(NotebookSizeCap.TooLarge($"{name}: {huge.FullName}", huge.Length, maxNotebookBytes));
            long written = 0;
            foreach (var entry in archive.Entries)
            {
                var relative = entry.FullName.Replace('\\', '/');
                if (relative.StartsWith('/') || Path.IsPathRooted(relative) || relative.Split('/').Contains(".."))
                    return Failed($"{name} holds an unsafe path '{relative}' (absolute or with ..); it was not unpacked.");
                var target = Path.GetFullPath(Path.Combine(temp, relative));
                if (!target.StartsWith(temp + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    return Failed($"{name} holds an unsafe path '{relative}'; it was not unpacked.");
                if (relative.EndsWith('/'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var input = entry.Open();
                using var output = File.Create(target);
                var buffer = new byte[81920];
                int read;
                long entryWritten = 0;
                var entryCap = NotebookSizeCap.IsExerciseNotebook(entry.Name) ? maxNotebookBytes : long.MaxValue;
                while ((read = input.Read(buffer)) > 0)
                {
                    written += read;
                    entryWritten += read;
                    if (written > MaxBytes)
                        return Refused($"{name} unpacks to more than {MaxBytes / (1024 * 1024)} MB; it was not graded.");
                    // The declared size can lie; what is written cannot.
                    if (entryWritten > entryCap)
                        return Refused(NotebookSizeCap.TooLarge($"{name}: {entry.FullName}", entryWritten, maxNotebookBytes));
                    output.Write(buffer, 0, read);
                }
            }
            return new UnpackedSubmission(submission.StudentId, NotebookRoot(temp), null, temp);
        }
        catch (Exception error) when (error is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return Failed($"{name} could not be unpacked: {error.Message.ReplaceLineEndings(" ")}");
        }

        UnpackedSubmission Failed(string problem) => new(submission.StudentId, null, problem, temp);
        UnpackedSubmission Refused(string reason) => new(submission.StudentId, null, reason, temp, NotGradable: reason);
    }

    // A zip of the student's folder holds one folder with the notebooks in it.
    private static string NotebookRoot(string folder)
    {
        while (!Directory.EnumerateFiles(folder, "*.ipynb").Any() && Directory.GetDirectories(folder) is [var only])
            folder = only;
        return folder;
    }
}
