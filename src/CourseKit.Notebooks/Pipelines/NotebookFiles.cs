namespace CourseKit.Notebooks.Pipelines;

/// <summary>
/// A notebook file to process, or the reason it cannot be. <see cref="OutputName"/> is where its executed
/// notebook goes under an output folder: the folder it was found in and its path there, or its file name. It is
/// always an .ipynb, since a .dib cannot hold outputs; the HTML page takes the same name with .html.
/// </summary>
public sealed record NotebookFile(string Path, string? Problem)
{
    public string OutputName { get; init; } = NotebookFiles.ExecutedName(System.IO.Path.GetFileName(Path));
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
                    .Select(f => new NotebookFile(f, null) { OutputName = ExecutedName(OutputNameInFolder(path, f)) }));
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

    /// <summary>The name of a notebook's executed copy: a .dib becomes the .ipynb of the same name.</summary>
    public static string ExecutedName(string name) =>
        System.IO.Path.GetExtension(name).Equals(".dib", StringComparison.OrdinalIgnoreCase)
            ? System.IO.Path.ChangeExtension(name, ".ipynb")
            : name;

    // Two notebooks must never overwrite each other's outputs. Of a.dib and a.ipynb in one folder, which would
    // both be written as a.ipynb, the .ipynb runs (it is what Polyglot saves) and the .dib is refused; otherwise
    // the first in order runs.
    private static List<NotebookFile> WithoutClashes(List<NotebookFile> files)
    {
        var runs = new Dictionary<string, NotebookFile>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.Problem is null))
        {
            if (!runs.TryGetValue(file.OutputName, out var first) || (IsDib(first.Path) && !IsDib(file.Path)))
                runs[file.OutputName] = file;
        }
        return files.Select(file =>
            file.Problem is null && runs[file.OutputName] is var winner && winner != file
                ? file with { Problem = $"its outputs would overwrite those of {winner.Path} ({file.OutputName}); rename one or run them separately." }
                : file).ToList();
    }

    private static bool IsDib(string path) => System.IO.Path.GetExtension(path).Equals(".dib", StringComparison.OrdinalIgnoreCase);

    private static bool IsNotebook(string path) =>
        Extensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}
