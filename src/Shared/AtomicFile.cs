using System.Text;

namespace CourseKit.IO;

/// <summary>Writes a whole file or nothing: a temporary file in the same folder, then a rename over the target.</summary>
/// <remarks>Compiled into each project that writes files (linked source), so the engine and grading need no reference to the course library for it.</remarks>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }
}
