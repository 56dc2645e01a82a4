using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CourseKit.Notebooks.Export;

/// <summary>Text moved out of a cell, with the line (1-based) and column (0-based) where it stood in the cell.</summary>
public sealed record MovedText(int Line, int Column, string Text);

/// <summary>
/// One C# cell split for a file-based app: its <c>using</c> directives (a program takes them at the top of the file),
/// its type declarations (a program takes them after every top-level statement), and its statements with those left
/// blank, so every remaining line and column is where it was in the cell. A trailing expression, which a notebook
/// shows as the cell's value, is wrapped in a call that shows it; that call sits on lines of its own between
/// <c>#line</c> directives, so the cell's own text keeps its line and column numbers.
/// </summary>
public sealed record CSharpCell(IReadOnlyList<MovedText> Usings, string Statements, IReadOnlyList<MovedText> Types, bool ShowsResult)
{
    /// <summary>The variables and methods the cell declares at its top level, which in a program share one scope with every other cell's.</summary>
    public IReadOnlyList<string> Declares { get; private init; } = [];

    // As the runner parses cells: scripts, where a last expression may end without a semicolon.
    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <param name="code">The cell's C#, its directive lines already blank (<see cref="Execution.CellDirectives.Extract"/>).</param>
    /// <param name="lineFile">What <c>#line</c> names the cell by, e.g. <c>lesson.ipynb cell 4</c>.</param>
    /// <param name="entryClass">The runtime class whose <c>Result</c> shows a value.</param>
    public static CSharpCell Split(string code, string lineFile, string entryClass)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ScriptOptions);
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var text = tree.GetText();
        var kept = code.ToCharArray();

        var usings = new List<MovedText>();
        foreach (var directive in root.Externs.Cast<SyntaxNode>().Concat(root.Usings))
            usings.Add(Move(directive.Span, text, kept));

        var types = new List<MovedText>();
        foreach (var member in root.Members)
        {
            switch (member)
            {
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    types.Add(Move(TextSpan.FromBounds(StartWithComments(member), member.Span.End), text, kept));
                    break;
                case MethodDeclarationSyntax method:
                    // A script's method is a local function of the program, which takes no access modifier.
                    foreach (var modifier in method.Modifiers.Where(m => m.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword
                                 or SyntaxKind.InternalKeyword or SyntaxKind.ProtectedKeyword))
                        Blank(modifier.Span, kept);
                    break;
            }
        }

        var declares = root.Members.SelectMany(member => member switch
        {
            FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.ValueText),
            GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration.Variables.Select(v => v.Identifier.ValueText),
            GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax function } => [function.Identifier.ValueText],
            MethodDeclarationSyntax method => [method.Identifier.ValueText],
            _ => [],
        }).Distinct().ToList();

        var statements = new string(kept);
        var last = root.Members.OfType<GlobalStatementSyntax>().LastOrDefault();
        if (last?.Statement is ExpressionStatementSyntax { SemicolonToken.IsMissing: true } trailing && !trailing.Expression.IsMissing)
            return new CSharpCell(usings, WrapResult(statements, code, trailing.Expression, text, lineFile, entryClass), types, true) { Declares = declares };
        return new CSharpCell(usings, WithoutBlankedLines(statements, code), types, false) { Declares = declares };
    }

    // Leading comments right above a declaration (no blank line between) travel with it; directives never do.
    private static int StartWithComments(SyntaxNode member)
    {
        var start = member.SpanStart;
        var lineEnds = 0;
        foreach (var trivia in member.GetLeadingTrivia().Reverse())
        {
            if (trivia.IsKind(SyntaxKind.WhitespaceTrivia)) continue;
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                if (++lineEnds > 1) break;
                continue;
            }
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
                || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            {
                start = trivia.FullSpan.Start;
                lineEnds = trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) ? 1 : 0; // a doc comment ends with its line end
                continue;
            }
            break;
        }
        return start;
    }

    private static MovedText Move(TextSpan span, SourceText text, char[] kept)
    {
        var position = text.Lines.GetLinePosition(span.Start);
        var moved = new MovedText(position.Line + 1, position.Character, text.ToString(span));
        Blank(span, kept);
        return moved;
    }

    // Spaces in place of the text, line ends kept, so what follows stays on its line and column.
    private static void Blank(TextSpan span, char[] kept)
    {
        for (var i = span.Start; i < span.End; i++)
            if (kept[i] is not ('\n' or '\r')) kept[i] = ' ';
    }

    // A line that only held what moved away (a using, a type) becomes empty rather than a row of spaces.
    private static string WithoutBlankedLines(string kept, string code)
    {
        var keptLines = kept.Split('\n');
        var codeLines = code.Split('\n');
        for (var i = 0; i < keptLines.Length; i++)
            if (keptLines[i] != codeLines[i] && keptLines[i].Trim().Length == 0) keptLines[i] = "";
        return string.Join('\n', keptLines);
    }

    private static string WrapResult(string statements, string code, ExpressionSyntax expression, SourceText text, string lineFile, string entryClass)
    {
        var start = text.Lines.GetLinePosition(expression.SpanStart);
        var end = text.Lines.GetLinePosition(expression.Span.End);
        var awaits = expression.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<AwaitExpressionSyntax>().Any();
        var call = awaits ? $"await {entryClass}.ResultAsync(async () =>" : $"{entryClass}.Result(() =>";
        var before = WithoutBlankedLines(statements[..expression.SpanStart], code[..expression.SpanStart]);
        var after = WithoutBlankedLines(statements[expression.Span.End..], code[expression.Span.End..]);
        before = before.TrimEnd(' ', '\t');
        return (before.Trim().Length == 0 ? "" : before.EndsWith('\n') ? before : before + "\n") +
               "#line default\n" +
               call + "\n" +
               $"#line {start.Line + 1} \"{lineFile}\"\n" +
               new string(' ', start.Character) + statements[expression.SpanStart..expression.Span.End] + "\n" +
               "#line default\n" +
               ");" +
               (after.Trim().Length == 0 ? "" : $"\n#line {end.Line + 1} \"{lineFile}\"\n" + new string(' ', end.Character) + after);
    }
}
