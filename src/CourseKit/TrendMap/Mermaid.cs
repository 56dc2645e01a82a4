using System.Text;

namespace CourseKit.TrendMap;

/// <summary>Mermaid text of the trend map, for Polyglot <c>#!mermaid</c> cells and Markdown.</summary>
public static class Mermaid
{
    /// <summary>The chain as a left-to-right flowchart.</summary>
    public static string ChainFlowchart()
    {
        var text = new StringBuilder("flowchart LR\n");
        var chain = AigcTrendMap.Chain;
        for (var i = 0; i < chain.Count; i++)
        {
            var node = $"{NodeId(i)}[\"{chain[i]}\"]";
            text.Append(i == 0 ? $"    {node}\n" : $"    {NodeId(i - 1)} --> {node}\n");
        }
        return text.ToString();
    }

    /// <summary>The six main lines as a mind map rooted at the map's title.</summary>
    public static string MainLinesMindmap()
    {
        var text = new StringBuilder("mindmap\n");
        text.Append($"  root(({AigcTrendMap.Title}))\n");
        foreach (var line in AigcTrendMap.MainLines)
        {
            text.Append($"    {line.Name}\n");
            foreach (var item in line.Items)
                text.Append($"      {item}\n");
        }
        return text.ToString();
    }

    /// <summary>Wraps Mermaid text in a fenced block for Markdown.</summary>
    public static string AsMarkdown(string mermaid) => $"```mermaid\n{mermaid.TrimEnd()}\n```\n";

    private static string NodeId(int index) => ((char)('A' + index)).ToString();
}
