using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Execution;

/// <summary>A <c>#r</c> or <c>#i</c> line found at the top of a cell.</summary>
public abstract record CellDirective(int Line)
{
    /// <summary><c>#r "nuget: Id, Version"</c>; Version is null when the line gives none.</summary>
    public sealed record NuGetReference(int Line, string Id, string? Version) : CellDirective(Line);

    /// <summary><c>#r "path/to/Assembly.dll"</c>.</summary>
    public sealed record AssemblyReference(int Line, string Path) : CellDirective(Line);

    /// <summary><c>#i "nuget: source"</c>: a package source, which the runner does not need.</summary>
    public sealed record PackageSource(int Line, string Source) : CellDirective(Line);

    /// <summary>A Polyglot magic command, <c>#!name …</c>, that the runner does not support.</summary>
    public sealed record UnsupportedMagic(int Line, string Name) : CellDirective(Line);
}

/// <summary>
/// Splits the directive lines off a C# cell. Directive lines are replaced by empty lines so that
/// compiler errors and stack traces keep the cell's own line numbers.
/// </summary>
/// <remarks>
/// A line whose first characters are <c>#!</c> and a letter is a Polyglot magic command, as Polyglot reads it,
/// never C#: <c>#!csharp</c> (<c>#!c#</c>, <c>#!C#</c>) keeps the cell in C# and is dropped; any other is an
/// <see cref="CellDirective.UnsupportedMagic"/>, reported rather than compiled. C#'s own <c>#nullable</c>,
/// <c>#region</c>, <c>#pragma</c> and <c>#line</c>, and a shebang (<c>#!/usr/bin/env …</c>) on line 1, are C# and stay.
/// </remarks>
public static partial class CellDirectives
{
    /// <summary>What the kit's runner supports of Polyglot's directives and magic commands.</summary>
    public const string Supported =
        "#r \"nuget: …\" for the kit's packages, #r \"path\", #i \"nuget: …\", #!csharp (#!c#, #!C#), #!markdown and #!mermaid cells";

    private static readonly HashSet<string> CSharpKernel = ["csharp", "c#", "C#"];

    public static (IReadOnlyList<CellDirective> Directives, string Code) Extract(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var directives = new List<CellDirective>();
        for (var i = 0; i < lines.Length; i++)
        {
            var magic = MagicLine().Match(lines[i]);
            if (magic.Success)
            {
                var name = magic.Groups["name"].Value;
                if (!CSharpKernel.Contains(name))
                    directives.Add(new CellDirective.UnsupportedMagic(i + 1, "#!" + name));
                lines[i] = "";
                continue;
            }
            var match = DirectiveLine().Match(lines[i]);
            if (!match.Success) continue;
            var kind = match.Groups["kind"].Value;
            var argument = match.Groups["arg"].Value.Trim();
            directives.Add(Parse(kind, argument, i + 1));
            lines[i] = "";
        }
        return (directives, string.Join('\n', lines));
    }

    private static CellDirective Parse(string kind, string argument, int line)
    {
        var isNuGet = argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase);
        var value = isNuGet ? argument["nuget:".Length..].Trim() : argument;
        if (kind == "i")
            return new CellDirective.PackageSource(line, value);
        if (!isNuGet)
            return new CellDirective.AssemblyReference(line, value);
        var parts = value.Split(',', 2, StringSplitOptions.TrimEntries);
        return new CellDirective.NuGetReference(line, parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    [GeneratedRegex(@"^\s*#!(?<name>\p{L}\S*)")]
    private static partial Regex MagicLine();

    [GeneratedRegex("""^\s*#(?<kind>r|i)\s+"(?<arg>[^"]*)"\s*$""")]
    private static partial Regex DirectiveLine();
}
