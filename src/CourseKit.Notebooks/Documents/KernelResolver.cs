using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace CourseKit.Notebooks.Documents;

/// <summary>
/// Picks a cell's kernel as Polyglot does. In an .ipynb a first-line <c>#!name</c> naming a kernel wins, then the
/// cell's metadata, then the notebook's default kernel; a .dib cell's kernel is the marker that opened it.
/// Markdown cells are markdown. Names and aliases resolve to the kernel's name.
/// </summary>
public static class KernelResolver
{
    /// <summary>
    /// The kernels a VS Code Polyglot session has before a notebook declares any, with their aliases (as
    /// dotnet-interactive and the VS Code extension register them). Others, such as those <c>#!connect</c> adds,
    /// are known when the notebook declares them in its kernelInfo.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string[] Aliases)> StandardKernels =
    [
        ("csharp", ["c#", "C#"]), ("fsharp", ["f#", "F#"]), ("pwsh", ["powershell"]), ("javascript", ["js"]),
        ("html", []), ("value", []), ("mermaid", []), ("http", []), ("vscode", ["frontend"]),
    ];

    /// <summary>Kernels Polyglot knows without being told.</summary>
    public static readonly IReadOnlySet<string> BuiltInKernels = StandardKernels.Select(k => k.Name).ToHashSet();

    public static string Resolve(Notebook notebook, NotebookCell cell)
    {
        if (cell.Type == CellType.Markdown) return "markdown";
        if (MagicKernel(cell.Source, notebook) is { } magic) return magic;
        var aliases = notebook.KernelAliases;
        if (cell.MetadataKernel is { Length: > 0 } fromMetadata) return aliases.GetValueOrDefault(fromMetadata, fromMetadata);
        return aliases.GetValueOrDefault(notebook.DefaultKernel, notebook.DefaultKernel);
    }

    /// <summary>
    /// The kernel a first-line <c>#!name</c> of an .ipynb code cell selects, or null when it selects none. As in
    /// Polyglot, the name ends at the first space or line break, and a .dib has no such lines: its markers open cells.
    /// </summary>
    public static string? MagicKernel(string source, Notebook notebook)
    {
        if (notebook.Format != NotebookFormat.Ipynb || !source.StartsWith("#!", StringComparison.Ordinal)) return null;
        var end = source.IndexOfAny([' ', '\n', '\r']);
        if (end < 0) return null;
        return notebook.KernelAliases.GetValueOrDefault(source[2..end]);
    }

    /// <summary>The standard kernels as the Polyglot document library takes them.</summary>
    internal static KernelInfoCollection StandardKernelInfos()
    {
        var kernels = new KernelInfoCollection { DefaultKernelName = "csharp" };
        foreach (var (name, aliases) in StandardKernels)
            kernels.Add(new KernelInfo(name, aliases: aliases));
        return kernels;
    }

    /// <summary>
    /// Every name and alias, standard or declared in <paramref name="kernelInfo"/>, mapped to its kernel's name.
    /// A declared kernel adds to the standard ones, never replaces them, as in Polyglot.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> Aliases(JsonNode? kernelInfo)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, aliases) in StandardKernels)
            foreach (var alias in aliases.Prepend(name))
                map[alias] = name;
        foreach (var item in kernelInfo?["items"] as JsonArray ?? [])
        {
            if ((string?)item?["name"] is not { Length: > 0 } name || map.ContainsKey(name)) continue;
            foreach (var alias in (item?["aliases"] as JsonArray ?? []).Select(a => (string?)a).OfType<string>().Prepend(name))
                map.TryAdd(alias, name);
        }
        return map;
    }
}
