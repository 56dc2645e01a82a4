namespace CourseKit.Notebooks.Pipelines;

/// <summary>A notebook file to process, or the reason it cannot be.</summary>
public sealed record NotebookFile(string Path, string? Problem);

/// <summary>Turns command-line paths into notebook files: folders are searched for .ipynb and .dib.</summary>
public static class NotebookFiles
{
    public static readonly string[] Extensions = [".ipynb", ".dib"];

    public static IReadOnlyList<NotebookFile> Expand(IEnumerable<string> paths)
    {
        var files = new List<NotebookFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsNotebook)
                    .Where(f => !System.IO.Path.GetRelativePath(path, f).Split(System.IO.Path.DirectorySeparatorChar)
                        .Any(part => part is "bin" or "obj" or ".ipynb_checkpoints"))
                    .Order(StringComparer.Ordinal)
                    .Select(f => new NotebookFile(f, null)));
            }
            else if (!File.Exists(path))
                files.Add(new NotebookFile(path, "no such file or folder."));
            else if (!IsNotebook(path))
                files.Add(new NotebookFile(path, "not a notebook; expected a .ipynb or .dib file."));
            else
                files.Add(new NotebookFile(path, null));
        }
        return files;
    }

    private static bool IsNotebook(string path) =>
        Extensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}
