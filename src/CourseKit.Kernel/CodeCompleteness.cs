using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Kernel;

/// <summary>is_complete from Roslyn's syntax tree: a console front end asks it whether Enter runs the code or adds a line.</summary>
public static class CodeCompleteness
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <returns>"complete", "incomplete" (more lines could finish it) or "invalid" (no lines after it can).</returns>
    public static string Of(string code)
    {
        if (PassiveCell.Outputs(code) is not null) return "complete";
        var (_, csharp) = CellDirectives.Extract(code);
        var tree = CSharpSyntaxTree.ParseText(csharp, Script);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return "incomplete";
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? "invalid" : "complete";
    }
}
