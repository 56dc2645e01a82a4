namespace CourseKit.Notebooks.Pipelines;

/// <summary>
/// A notebook file to process, or the reason it cannot be. <see cref="OutputName"/> is where its outputs
/// go under an output folder: the folder it was found in and its path there, or its file name.
/// </summary>
public sealed record NotebookFile(string Path, string? Problem)
{
    public string OutputName { get; init; } = System.IO.Path.GetFileName(Path);
}

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
                    .Select(f => new NotebookFile(f, null) { OutputName = OutputNameInFolder(path, f) }));
            }
            else if (!File.Exists(path))
                files.Add(new NotebookFile(path, "no such file or folder."));
            else if (!IsNotebook(path))
                files.Add(new NotebookFile(path, "not a notebook; expected a .ipynb or .dib file."));
            else
                files.Add(new NotebookFile(path, null));
        }
        return WithoutClashes(files);
    }

    // Keeps the folder's own name, so links between folders (../exercises/…) still work in the outputs.
    private static string OutputNameInFolder(string folder, string file) =>
        System.IO.Path.Combine(new DirectoryInfo(folder).Name, System.IO.Path.GetRelativePath(folder, file));

    // Two notebooks must never overwrite each other's outputs.
    private static List<NotebookFile> WithoutClashes(List<NotebookFile> files)
    {
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        return files.Select(file =>
        {
            if (file.Problem is not null) return file;
            if (taken.TryGetValue(file.OutputName, out var first))
                return file with { Problem = $"its outputs would overwrite those of {first} ({file.OutputName}); run them separately." };
            taken[file.OutputName] = file.Path;
            return file;
        }).ToList();
    }

    private static bool IsNotebook(string path) =>
        Extensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}
