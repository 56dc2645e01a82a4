using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CourseKit.Notebooks.Execution;

/// <summary>One cell as the runner hands it to the compiler: its number in the notebook and its source.</summary>
public sealed record CellSource(int Number, string Source);

/// <summary>
/// Which cells can be compiled as one assembly (a cell group) and mean exactly what a chain of one compilation per cell
/// means. Compiling costs about the same per compilation whatever the cell holds, so a notebook of a dozen small cells
/// compiles about ten times faster as one group (bench/README.md). The rules are read from each cell's syntax alone, and
/// are strict: a cell that might mean something else in a group starts a group of its own.
/// <list type="bullet">
/// <item>A cell that does not parse on its own, holds a preprocessor directive, a label or a <c>goto</c>, or is over
/// the compiler's size or nesting limits, is compiled alone.</item>
/// <item>A cell with <c>#r</c>/<c>#i</c> lines, magics, <c>using</c> directives or assembly attributes may only start a
/// group: what it brings in applies to the cells after it, never to the ones before.</item>
/// <item>A cell that ends in a value to show, or returns at the top level, ends its group.</item>
/// <item>A cell that declares a name (a variable, type, method…) which an earlier cell of the group mentions (an
/// attribute <c>[My]</c> mentions <c>MyAttribute</c> too) starts a new group: in a group an earlier cell could see it,
/// and a name declared twice would clash, where the chain lets a later cell hide an earlier one.</item>
/// </list>
/// Cells that compile with errors in a group are compiled again on their own (<see cref="CellCompiler"/>), so errors
/// are always reported as the chain reports them.
/// </summary>
public static class CellGroups
{
    /// <summary>The most cells a group holds; a runner sends at most this many cells at a time.</summary>
    public const int MaxCells = 64;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>The cells, from the first, that form one group: the first alone when no other can join it.</summary>
    public static IReadOnlyList<CellSource> Take(IReadOnlyList<CellSource> cells, CancellationToken cancel = default)
    {
        if (cells.Count == 0) return [];
        var first = Shape.Of(cells[0].Source, cancel);
        if (first.Role is Role.Alone || first.EndsGroup) return [cells[0]];

        var group = new List<CellSource> { cells[0] };
        var mentioned = new HashSet<string>(first.Identifiers, StringComparer.Ordinal);
        var chars = cells[0].Source.Length;
        foreach (var cell in cells.Skip(1).Take(MaxCells - 1))
        {
            chars += cell.Source.Length;
            if (chars > CellCompiler.MaxCellChars) break;
            var shape = Shape.Of(cell.Source, cancel);
            if (shape.Role is not Role.Joins || shape.Declared.Overlaps(mentioned)) break;
            group.Add(cell);
            if (shape.EndsGroup) break;
            mentioned.UnionWith(shape.Identifiers);
        }
        return group;
    }

    private enum Role { Joins, StartsOnly, Alone }

    /// <summary>What the rules need to know of one cell.</summary>
    private sealed record Shape(Role Role, bool EndsGroup, IReadOnlySet<string> Declared, IReadOnlySet<string> Identifiers)
    {
        private static readonly IReadOnlySet<string> None = new HashSet<string>();

        public static Shape Of(string source, CancellationToken cancel)
        {
            if (source.Length > CellCompiler.MaxCellChars || NestingDepth.Of(source) > CellCompiler.MaxNesting)
                return new(Role.Alone, true, None, None);
            var (directives, code) = CellDirectives.Extract(source);
            var root = CSharpSyntaxTree.ParseText(code, ParseOptions, cancellationToken: cancel).GetCompilationUnitRoot(cancel);
            if (root.ContainsDiagnostics && root.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
                || root.ContainsDirectives
                || root.DescendantNodes().Any(n => n is LabeledStatementSyntax or GotoStatementSyntax))
                return new(Role.Alone, true, None, None);

            var role = directives.Count > 0 || root.Usings.Count > 0 || root.Externs.Count > 0 || root.AttributeLists.Count > 0
                ? Role.StartsOnly
                : Role.Joins;
            var endsGroup = EndsInValue(root) || root.DescendantNodes().OfType<ReturnStatementSyntax>().Any(IsTopLevel);
            var identifiers = root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText)
                .Concat(root.DescendantNodes().OfType<AttributeSyntax>().Select(AttributeClassName))
                .ToHashSet(StringComparer.Ordinal);
            var declared = root.DescendantNodes().Select(DeclaredName).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return new(role, endsGroup, declared, identifiers);
        }

        // [My] names class MyAttribute when there is one, a name the cell never writes.
        private static string AttributeClassName(AttributeSyntax attribute) =>
            (attribute.Name is QualifiedNameSyntax qualified ? qualified.Right : attribute.Name is AliasQualifiedNameSyntax alias ? alias.Name : attribute.Name)
            .GetLastToken().ValueText + "Attribute";

        // A cell ending in an expression without a semicolon shows its value, which only a group's last cell can.
        private static bool EndsInValue(CompilationUnitSyntax root) =>
            root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement } && statement.SemicolonToken.IsMissing;

        // A return outside any lambda, local function or member ends the script, and with it the rest of a group.
        private static bool IsTopLevel(ReturnStatementSyntax statement) =>
            !statement.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax and not GlobalStatementSyntax);

        // Every name the cell declares, wherever (parameters aside): more than the script's own members, so never fewer.
        private static string? DeclaredName(SyntaxNode node) => node switch
        {
            VariableDeclaratorSyntax v => v.Identifier.ValueText,
            SingleVariableDesignationSyntax d => d.Identifier.ValueText,
            BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
            DelegateDeclarationSyntax d => d.Identifier.ValueText,
            MethodDeclarationSyntax m => m.Identifier.ValueText,
            PropertyDeclarationSyntax p => p.Identifier.ValueText,
            EventDeclarationSyntax e => e.Identifier.ValueText,
            LocalFunctionStatementSyntax f => f.Identifier.ValueText,
            ForEachStatementSyntax f => f.Identifier.ValueText,
            CatchDeclarationSyntax c => c.Identifier.ValueText,
            EnumMemberDeclarationSyntax e => e.Identifier.ValueText,
            _ => null,
        };
    }
}
