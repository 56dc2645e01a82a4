using CourseKit.Notebooks.Execution;

namespace CourseKit.Kernel;

/// <summary>
/// <c>#!mermaid</c> and <c>#!markdown</c> cells, which the runner shows and never runs: the kernel displays them as
/// Markdown (a Mermaid diagram in a <c>mermaid</c> fence, which JupyterLab and VS Code draw) with the source as text.
/// </summary>
public static class PassiveCell
{
    public static IReadOnlyList<CellOutput>? Outputs(string code)
    {
        var lines = code.Replace("\r\n", "\n").Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0) return null;
        var magic = lines[first].Trim();
        var body = string.Join('\n', lines.Skip(first + 1)).Trim('\n');
        return magic switch
        {
            "#!mermaid" => [new CellOutput.Display(new Dictionary<string, string>
            {
                [MimeTypes.Markdown] = $"```mermaid\n{body}\n```",
                [MimeTypes.PlainText] = body,
            }, IsResult: false)],
            "#!markdown" or "#!md" => [new CellOutput.Display(new Dictionary<string, string>
            {
                [MimeTypes.Markdown] = body,
                [MimeTypes.PlainText] = body,
            }, IsResult: false)],
            _ => null,
        };
    }
}
