using CourseKit.IO;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Documents;

public enum NotebookFormat { Ipynb, Dib }

/// <summary>
/// A Polyglot notebook, .ipynb or .dib, held over its JSON so that reading and rewriting an unchanged
/// notebook gives the same bytes and unknown metadata is kept.
/// </summary>
public sealed class Notebook
{
    internal Notebook(NotebookFormat format, JsonObject root, TextLayout layout)
    {
        Format = format;
        Root = root;
        Layout = layout;
        Cells = (root["cells"] as JsonArray ?? []).Select(c => new NotebookCell((JsonObject)c!)).ToList();
    }

    public NotebookFormat Format { get; }
    public IReadOnlyList<NotebookCell> Cells { get; }
    internal JsonObject Root { get; }
    internal TextLayout Layout { get; }

    private JsonNode? KernelInfo => Format == NotebookFormat.Ipynb
        ? Root["metadata"]?["polyglot_notebook"]?["kernelInfo"]
        : Root["metadata"]?["kernelInfo"];

    /// <summary>The notebook's default kernel; C# when the file names none.</summary>
    public string DefaultKernel => (string?)KernelInfo?["defaultKernelName"] ?? "csharp";

    /// <summary>The kernels the notebook declares, with their aliases.</summary>
    public IReadOnlySet<string> KernelNames =>
        (KernelInfo?["items"] as JsonArray ?? [])
        .SelectMany(item => new[] { (string?)item?["name"] }
            .Concat((item?["aliases"] as JsonArray ?? []).Select(a => (string?)a)))
        .OfType<string>()
        .ToHashSet();

    /// <summary>Every kernel name and alias this notebook can use, mapped to the kernel's name.</summary>
    internal IReadOnlyDictionary<string, string> KernelAliases => KernelResolver.Aliases(KernelInfo);

    public string KernelOf(NotebookCell cell) => KernelResolver.Resolve(this, cell);

    public static Notebook Load(string path)
    {
        if (!File.Exists(path))
            throw new NotebookFormatException(path, "no such file.");
        var text = File.ReadAllText(path);
        return Parse(text, path);
    }

    public static Notebook Parse(string text, string path) =>
        Path.GetExtension(path).Equals(".dib", StringComparison.OrdinalIgnoreCase)
            ? DibFormat.Parse(text, path)
            : IpynbFormat.Parse(text, path);

    public string Serialize() => Format == NotebookFormat.Dib ? DibFormat.Serialize(this) : IpynbFormat.Serialize(this);

    /// <summary>Writes the notebook atomically: a reader never sees half a file.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, Serialize());

    /// <summary>
    /// This notebook as an .ipynb with the same cells, kernels, outputs and declared kernels; an .ipynb is
    /// returned as it is. A .dib has no place for outputs, so an executed .dib is written this way.
    /// </summary>
    public Notebook ToIpynb()
    {
        if (Format == NotebookFormat.Ipynb) return this;
        var ipynb = IpynbFormat.Create();
        if (KernelInfo is JsonObject declared)
            ipynb.Root["metadata"]!["polyglot_notebook"]!["kernelInfo"] = declared.DeepClone();
        foreach (var cell in Cells)
        {
            if (cell.Type == CellType.Markdown)
            {
                ipynb.AddMarkdown(cell.Source);
                continue;
            }
            ipynb.AddCode(cell.Source, KernelOf(cell)).SetOutputs((JsonArray)cell.Outputs.DeepClone(), cell.ExecutionCount);
        }
        return ipynb;
    }

    /// <summary>A new empty .ipynb with the metadata VS Code Polyglot writes.</summary>
    public static Notebook CreatePolyglot() => IpynbFormat.Create();

    public NotebookCell AddMarkdown(string source) => Add(IpynbFormat.NewCell("markdown", source, null));

    public NotebookCell AddCode(string source, string kernel = "csharp") => Add(IpynbFormat.NewCell("code", source, kernel));

    /// <summary>Removes a cell of this notebook.</summary>
    public void RemoveCell(NotebookCell cell)
    {
        if (!((List<NotebookCell>)Cells).Remove(cell))
            throw new ArgumentException("The cell is not in this notebook.", nameof(cell));
        (Root["cells"] as JsonArray)?.Remove(cell.Json);
    }

    private NotebookCell Add(JsonObject json)
    {
        if (Root["cells"] is not JsonArray cells) Root["cells"] = cells = [];
        cells.Add(json);
        var cell = new NotebookCell(json);
        ((List<NotebookCell>)Cells).Add(cell);
        return cell;
    }
}

/// <summary>How the original text was laid out, so a rewrite can match it.</summary>
internal sealed record TextLayout(JsonLayout? Json, string? DibTail = null);
