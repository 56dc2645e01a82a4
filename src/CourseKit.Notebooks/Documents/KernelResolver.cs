namespace CourseKit.Notebooks.Documents;

/// <summary>
/// Picks a cell's kernel as Polyglot does: a first-line <c>#!name</c> naming a kernel wins, then the
/// cell's metadata, then the notebook's default kernel. Markdown cells are markdown.
/// </summary>
public static class KernelResolver
{
    /// <summary>Kernels Polyglot knows without being told.</summary>
    public static readonly IReadOnlySet<string> BuiltInKernels = new HashSet<string>
    {
        "csharp", "fsharp", "pwsh", "javascript", "html", "markdown", "mermaid", "sql", "kql", "http", "value",
    };

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["c#"] = "csharp", ["C#"] = "csharp", ["f#"] = "fsharp", ["F#"] = "fsharp",
        ["powershell"] = "pwsh", ["js"] = "javascript",
    };

    public static string Resolve(Notebook notebook, NotebookCell cell)
    {
        if (cell.Type == CellType.Markdown) return "markdown";
        if (MagicKernel(cell.Source, notebook) is { } magic) return magic;
        if (cell.MetadataKernel is { Length: > 0 } fromMetadata) return Normalize(fromMetadata);
        return notebook.DefaultKernel;
    }

    /// <summary>The kernel a first-line <c>#!name</c> selects, or null when the first line selects none.</summary>
    public static string? MagicKernel(string source, Notebook notebook)
    {
        var firstLine = source.Split('\n', 2)[0].Trim();
        if (!firstLine.StartsWith("#!", StringComparison.Ordinal)) return null;
        var name = Normalize(firstLine[2..].Trim());
        return BuiltInKernels.Contains(name) || notebook.KernelNames.Contains(name) ? name : null;
    }

    private static string Normalize(string name) => Aliases.GetValueOrDefault(name, name);
}
