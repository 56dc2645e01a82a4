using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Runtime;

namespace CourseKit.Kernel;

/// <summary>
/// complete and inspect requests, from Roslyn's completion service and semantic model. The cells that compiled so far
/// become a chain of submission projects (as in Roslyn's interactive window), so a cell being typed sees the
/// variables, types and <c>#r</c> references of the cells before it. Nothing here runs notebook code.
/// </summary>
public sealed class CodeIntelligence(Func<CellCompiler> compiler)
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);
    private readonly object _gate = new();
    private CSharpCompilation? _cachedChain;
    private (Solution Solution, ProjectId? Last, CSharpCompilationOptions? Options, IReadOnlyList<MetadataReference> References)? _cached;
    private AdhocWorkspace? _workspace;

    public JsonObject Complete(string code, int cursor)
    {
        var start = WordStart(code, cursor);
        var matches = new List<string>();
        try
        {
            var (document, offset) = DocumentFor(code);
            var service = CompletionService.GetService(document);
            var typed = code[start..cursor];
            if (service is not null)
            {
                var list = service.GetCompletionsAsync(document, offset + cursor).GetAwaiter().GetResult();
                matches.AddRange(list.ItemsList
                    .Select(item => item.DisplayText)
                    .Where(text => text.StartsWith(typed, StringComparison.OrdinalIgnoreCase) && text.All(c => char.IsLetterOrDigit(c) || c == '_'))
                    .Distinct()
                    .OrderBy(text => !text.StartsWith(typed, StringComparison.Ordinal))
                    .ThenBy(text => text, StringComparer.Ordinal));
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"coursekit kernel: completion failed: {error.GetType().Name}: {error.Message}");
        }
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(matches.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
            ["cursor_start"] = TextPositions.ToCodePoints(code, start),
            ["cursor_end"] = TextPositions.ToCodePoints(code, cursor),
            ["metadata"] = new JsonObject(),
        };
    }

    public JsonObject Inspect(string code, int cursor)
    {
        var found = false;
        var data = new JsonObject();
        try
        {
            var (document, offset) = DocumentFor(code);
            var model = document.GetSemanticModelAsync().GetAwaiter().GetResult()!;
            var root = model.SyntaxTree.GetRoot();
            // The cursor sits after the name when a user asks about what they just typed.
            var position = offset + (cursor > 0 && (cursor == code.Length || !IsWordChar(code[cursor])) ? cursor - 1 : cursor);
            var token = root.FindToken(Math.Max(offset, position));
            var node = token.Parent;
            var symbols = new List<ISymbol>();
            for (; node is not null && symbols.Count == 0; node = node.Parent)
            {
                var info = model.GetSymbolInfo(node);
                if (info.Symbol is { } symbol) symbols.Add(symbol);
                else symbols.AddRange(info.CandidateSymbols);
                if (model.GetDeclaredSymbol(node) is { } declared && symbols.Count == 0) symbols.Add(declared);
                if (node.Span.Length > token.Span.Length * 4) break;
            }
            if (symbols.Count > 0)
            {
                found = true;
                var text = new StringBuilder();
                foreach (var symbol in symbols.Distinct(SymbolEqualityComparer.Default).Take(20))
                {
                    text.AppendLine(symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat));
                    if (Summary(symbol) is { Length: > 0 } summary) text.AppendLine("    " + summary);
                }
                data["text/plain"] = text.ToString().TrimEnd();
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"coursekit kernel: inspect failed: {error.GetType().Name}: {error.Message}");
        }
        return new JsonObject { ["status"] = "ok", ["found"] = found, ["data"] = data, ["metadata"] = new JsonObject() };
    }

    private static string? Summary(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml();
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            return XDocument.Parse(xml).Descendants("summary").FirstOrDefault()?.Value.Trim();
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static int WordStart(string code, int cursor)
    {
        var start = Math.Min(cursor, code.Length);
        while (start > 0 && IsWordChar(code[start - 1])) start--;
        return start;
    }

    /// <summary>The code as a submission after every cell that compiled; the offset is where the code starts in it.</summary>
    private (Document Document, int Offset) DocumentFor(string code)
    {
        var (solution, previous, options, references) = Chain();
        var (_, csharp) = CellDirectives.Extract(code);
        var id = ProjectId.CreateNewId();
        solution = solution.AddProject(Submission(id, options, references, previous));
        var documentId = DocumentId.CreateNewId(id);
        solution = solution.AddDocument(documentId, "cell.csx", SourceText.From(csharp));
        return (solution.GetDocument(documentId)!, 0);
    }

    private (Solution, ProjectId?, CSharpCompilationOptions?, IReadOnlyList<MetadataReference>) Chain()
    {
        lock (_gate)
        {
            var chain = compiler().Chain;
            if (_cached is { } cached && ReferenceEquals(chain, _cachedChain)) return cached;
            _workspace ??= new AdhocWorkspace(MefHostServices.Create(MefHostServices.DefaultAssemblies));
            var compilations = new List<CSharpCompilation>();
            for (var c = chain; c is not null; c = c.ScriptCompilationInfo?.PreviousScriptCompilation as CSharpCompilation)
                compilations.Insert(0, c);
            var options = chain?.Options ?? DefaultOptions();
            IReadOnlyList<MetadataReference> references = chain?.References.ToList() ?? DefaultReferences();
            var solution = _workspace.CurrentSolution;
            ProjectId? previous = null;
            foreach (var cell in compilations)
            {
                var id = ProjectId.CreateNewId();
                solution = solution.AddProject(Submission(id, options, references, previous));
                foreach (var tree in cell.SyntaxTrees)
                    solution = solution.AddDocument(DocumentId.CreateNewId(id), "cell.csx", tree.GetText());
                previous = id;
            }
            _cachedChain = chain;
            _cached = (solution, previous, options, references);
            return _cached.Value;
        }
    }

    private static ProjectInfo Submission(ProjectId id, CSharpCompilationOptions? options, IReadOnlyList<MetadataReference> references, ProjectId? previous) =>
        ProjectInfo.Create(id, VersionStamp.Create(), "cell", "cell", LanguageNames.CSharp, isSubmission: true,
            compilationOptions: options, parseOptions: Script, metadataReferences: references,
            projectReferences: previous is null ? [] : [new ProjectReference(previous)], hostObjectType: typeof(ScriptGlobals));

    // Before any cell has compiled: the options and references a first cell would get.
    private static CSharpCompilationOptions DefaultOptions() =>
        (CSharpCompilationOptions)EmptyChain.Value.Options;

    private static IReadOnlyList<MetadataReference> DefaultReferences() => [.. EmptyChain.Value.References];

    private static readonly Lazy<CSharpCompilation> EmptyChain = new(() =>
    {
        var probe = new CellCompiler(Directory.GetCurrentDirectory(), CourseKit.Checking.CoursePackages.All);
        probe.Compile("0", 0, default);
        return probe.Chain!;
    });
}
