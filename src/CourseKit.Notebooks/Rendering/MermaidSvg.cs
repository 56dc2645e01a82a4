using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Rendering;

/// <summary>
/// Draws the Mermaid the course uses — flowcharts of labelled nodes and arrows, and mind maps —
/// as inline SVG, so pages show diagrams with no script and no network. Anything else returns null
/// and the page shows the Mermaid source.
/// </summary>
public static partial class MermaidSvg
{
    private const double CharWidth = 7.6, BoxHeight = 36, Gap = 48, RowGap = 10, Pad = 12;

    public static string? TryRender(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n').Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("%%")).ToList();
        if (lines.Count == 0) return null;
        var header = lines[0].Trim();
        if (header.StartsWith("flowchart", StringComparison.Ordinal) || header.StartsWith("graph", StringComparison.Ordinal))
            return Flowchart(lines.Skip(1));
        if (header == "mindmap")
            return Mindmap(lines.Skip(1).ToList());
        return null;
    }

    private static string? Flowchart(IEnumerable<string> lines)
    {
        var labels = new Dictionary<string, string>();
        var order = new List<string>();
        var edges = new List<(string From, string To)>();
        void Node(string id, string? label)
        {
            if (!labels.ContainsKey(id)) { labels[id] = label ?? id; order.Add(id); }
            else if (label is not null) labels[id] = label;
        }
        foreach (var line in lines)
        {
            var nodes = NodeRef().Matches(line);
            if (nodes.Count == 0) return null;
            foreach (Match node in nodes)
                Node(node.Groups["id"].Value, node.Groups["label"].Success ? node.Groups["label"].Value.Trim('"') : null);
            if (line.Contains("-->", StringComparison.Ordinal) && nodes.Count == 2)
                edges.Add((nodes[0].Groups["id"].Value, nodes[1].Groups["id"].Value));
        }
        var svg = new StringBuilder();
        var x = Pad;
        var positions = new Dictionary<string, (double X, double W)>();
        foreach (var id in order)
        {
            var width = labels[id].Length * CharWidth + 2 * Pad;
            positions[id] = (x, width);
            svg.Append(Box(x, Pad, width, labels[id], "node"));
            x += width + Gap;
        }
        foreach (var (from, to) in edges)
        {
            var a = positions[from];
            var b = positions[to];
            var y = Pad + BoxHeight / 2;
            svg.Append(Arrow(a.X + a.W, y, b.X, y));
        }
        return Wrap(svg.ToString(), x - Gap + Pad, BoxHeight + 2 * Pad);
    }

    private sealed record MindNode(string Label, int Indent, List<MindNode> Children);

    private static string? Mindmap(List<string> lines)
    {
        var root = new MindNode("", -1, []);
        var stack = new Stack<MindNode>();
        stack.Push(root);
        foreach (var line in lines)
        {
            var indent = line.Length - line.TrimStart().Length;
            var label = RootShape().Replace(line.Trim(), "$1");
            while (stack.Peek().Indent >= indent) stack.Pop();
            var node = new MindNode(label, indent, []);
            stack.Peek().Children.Add(node);
            stack.Push(node);
        }
        if (root.Children.Count != 1) return null;
        var top = root.Children[0];

        var depthWidth = new List<double>();
        void Measure(MindNode node, int depth)
        {
            while (depthWidth.Count <= depth) depthWidth.Add(0);
            depthWidth[depth] = Math.Max(depthWidth[depth], node.Label.Length * CharWidth + 2 * Pad);
            foreach (var child in node.Children) Measure(child, depth + 1);
        }
        Measure(top, 0);
        var columnX = new List<double> { Pad };
        for (var d = 1; d < depthWidth.Count; d++) columnX.Add(columnX[d - 1] + depthWidth[d - 1] + Gap);

        var svg = new StringBuilder();
        var nextY = Pad;
        double Place(MindNode node, int depth)
        {
            double y;
            if (node.Children.Count == 0)
            {
                y = nextY;
                nextY += BoxHeight + RowGap;
            }
            else
            {
                var childYs = node.Children.Select(c => Place(c, depth + 1)).ToList();
                y = (childYs.First() + childYs.Last()) / 2;
                foreach (var childY in childYs)
                    svg.Append(Arrow(columnX[depth] + node.Label.Length * CharWidth + 2 * Pad, y + BoxHeight / 2,
                        columnX[depth + 1], childY + BoxHeight / 2, arrowHead: false));
            }
            svg.Append(Box(columnX[depth], y, node.Label.Length * CharWidth + 2 * Pad, node.Label, depth == 0 ? "root" : depth == 1 ? "branch" : "leaf"));
            return y;
        }
        Place(top, 0);
        return Wrap(svg.ToString(), columnX[^1] + depthWidth[^1] + Pad, nextY - RowGap + Pad);
    }

    private static string Box(double x, double y, double width, string label, string kind) =>
        $"<g class=\"mm-{kind}\"><rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(width)}\" height=\"{F(BoxHeight)}\" rx=\"8\"/>" +
        $"<text x=\"{F(x + width / 2)}\" y=\"{F(y + BoxHeight / 2 + 5)}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(label)}</text></g>\n";

    private static string Arrow(double x1, double y1, double x2, double y2, bool arrowHead = true) =>
        $"<path class=\"mm-edge\" d=\"M{F(x1)},{F(y1)} C{F((x1 + x2) / 2)},{F(y1)} {F((x1 + x2) / 2)},{F(y2)} {F(x2)},{F(y2)}\"{(arrowHead ? " marker-end=\"url(#mm-arrow)\"" : "")}/>\n";

    private static string Wrap(string body, double width, double height) =>
        $"<svg class=\"mermaid-diagram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(width)} {F(height)}\" width=\"{F(width)}\" role=\"img\">\n" +
        "<defs><marker id=\"mm-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n" +
        body + "</svg>";

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    [GeneratedRegex("""(?<id>[A-Za-z_][\w-]*)\s*(?:\[(?<label>"[^"]*"|[^\]]*)\]|\((?<label>[^)]*)\))?(?=\s*(?:-->|$|;))""")]
    private static partial Regex NodeRef();

    [GeneratedRegex(@"^\w*\(\((.*)\)\)$|^\w*\((.*)\)$")]
    private static partial Regex RootShape();
}
