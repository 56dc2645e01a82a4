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
}

/// <summary>
/// Splits the directive lines off a C# cell. Directive lines are replaced by empty lines so that
/// compiler errors and stack traces keep the cell's own line numbers.
/// </summary>
public static partial class CellDirectives
{
    public static (IReadOnlyList<CellDirective> Directives, string Code) Extract(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var directives = new List<CellDirective>();
        for (var i = 0; i < lines.Length; i++)
        {
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

    [GeneratedRegex("""^\s*#(?<kind>r|i)\s+"(?<arg>[^"]*)"\s*$""")]
    private static partial Regex DirectiveLine();
}
