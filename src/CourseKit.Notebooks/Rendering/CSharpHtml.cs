using System.Collections.Immutable;
using System.Net;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Classification;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CourseKit.Notebooks.Rendering;

/// <summary>
/// C# source as highlighted HTML: Roslyn's classifier reads each cell as a script (so <c>#r</c> lines and
/// top-level statements are understood) and its classifications become the <c>tok-*</c> CSS classes of
/// <see cref="PageStyle"/>. Every character of the source is HTML-encoded.
/// </summary>
public static class CSharpHtml
{
    private static readonly CSharpParseOptions ScriptOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    // The platform and the kit's assemblies, so that names like Console or TrendScores are classified as types.
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    // The namespaces a Polyglot C# cell sees without a using line.
    private static readonly string[] Imports =
        ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks", "System.Net.Http"];

    // One workspace for the process: composing its services is the slow part of the first call.
    private static readonly Lazy<AdhocWorkspace> Workspace = new(() => new AdhocWorkspace());

    private static readonly Dictionary<string, string> CssClasses = new()
    {
        [ClassificationTypeNames.Comment] = "comment",
        [ClassificationTypeNames.XmlDocCommentText] = "comment",
        [ClassificationTypeNames.XmlDocCommentDelimiter] = "comment",
        [ClassificationTypeNames.XmlDocCommentName] = "comment",
        [ClassificationTypeNames.XmlDocCommentAttributeName] = "comment",
        [ClassificationTypeNames.XmlDocCommentAttributeValue] = "comment",
        [ClassificationTypeNames.XmlDocCommentAttributeQuotes] = "comment",
        [ClassificationTypeNames.Keyword] = "keyword",
        [ClassificationTypeNames.ControlKeyword] = "keyword",
        [ClassificationTypeNames.StringLiteral] = "string",
        [ClassificationTypeNames.VerbatimStringLiteral] = "string",
        [ClassificationTypeNames.StringEscapeCharacter] = "string",
        [ClassificationTypeNames.NumericLiteral] = "number",
        [ClassificationTypeNames.PreprocessorKeyword] = "directive",
        [ClassificationTypeNames.PreprocessorText] = "directive",
        [ClassificationTypeNames.ClassName] = "type",
        [ClassificationTypeNames.RecordClassName] = "type",
        [ClassificationTypeNames.StructName] = "type",
        [ClassificationTypeNames.RecordStructName] = "type",
        [ClassificationTypeNames.InterfaceName] = "type",
        [ClassificationTypeNames.EnumName] = "type",
        [ClassificationTypeNames.DelegateName] = "type",
        [ClassificationTypeNames.TypeParameterName] = "type",
        [ClassificationTypeNames.MethodName] = "method",
        [ClassificationTypeNames.ExtensionMethodName] = "method",
    };

    public static string Highlight(string code)
    {
        var html = new StringBuilder(code.Length * 2);
        Append(html, code, ClassesOf(code), 0, code.Length);
        return html.ToString();
    }

    /// <summary>
    /// The code highlighted line by line (split at <c>\n</c>, a trailing <c>\r</c> dropped): the whole text is classified
    /// at once, so a multi-line comment or string keeps its class, and every line's spans close on that line.
    /// </summary>
    public static IReadOnlyList<string> HighlightLines(string code)
    {
        var classes = ClassesOf(code);
        var lines = new List<string>();
        for (var start = 0; start <= code.Length;)
        {
            var end = code.IndexOf('\n', start);
            if (end < 0) end = code.Length;
            var html = new StringBuilder();
            Append(html, code, classes, start, end > start && code[end - 1] == '\r' ? end - 1 : end);
            lines.Add(html.ToString());
            start = end + 1;
        }
        return lines;
    }

    // The CSS class of each character.
    private static string?[] ClassesOf(string code)
    {
        var classes = new string?[code.Length];
        foreach (var span in Classify(code))
        {
            if (!CssClasses.TryGetValue(span.ClassificationType, out var css)) continue;
            for (var i = span.TextSpan.Start; i < span.TextSpan.End; i++) classes[i] = css;
        }
        return classes;
    }

    // Adjacent characters of one class become one span, so a string with escapes or a multi-line raw string stays one "string" span.
    private static void Append(StringBuilder html, string code, string?[] classes, int from, int to)
    {
        for (var start = from; start < to;)
        {
            var end = start + 1;
            while (end < to && classes[end] == classes[start]) end++;
            var text = WebUtility.HtmlEncode(code[start..end]);
            html.Append(classes[start] is { } css ? $"<span class=\"tok-{css}\">{text}</span>" : text);
            start = end;
        }
    }

    private static IEnumerable<ClassifiedSpan> Classify(string code)
    {
        var project = Workspace.Value.CurrentSolution
            .AddProject("cell", "cell", LanguageNames.CSharp)
            .WithParseOptions(ScriptOptions)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: Imports))
            .WithMetadataReferences(References.Value);
        var id = DocumentId.CreateNewId(project.Id);
        var document = project.Solution.AddDocument(DocumentInfo.Create(id, "cell.csx", sourceCodeKind: SourceCodeKind.Script,
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(code), VersionStamp.Create())))).GetDocument(id)!;
        return Classifier.GetClassifiedSpansAsync(document, new TextSpan(0, code.Length)).GetAwaiter().GetResult();
    }
}
