using System.Text;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Export;

/// <summary>Puts an app's source together, cell by cell: the directives at the top, then the statements, then the types.</summary>
internal sealed class AppWriter(string notebookName, string appFolder, AppReferences references)
{
    /// <summary>
    /// Properties that make the app compile the cells as the runner does: nullable warnings off and no implicit
    /// usings (the runner's imports are written out), invariant culture as in the runner's worker; no native AOT
    /// (it would warn about reflection); and, when the app is placed inside a repository: warnings not as errors and
    /// the <c>#:package</c> versions in force whatever its props say, and no embedding of untracked sources, which in a
    /// git repository would try to embed the cells that <c>#line</c> names as files.
    /// </summary>
    private static readonly (string Name, string Value)[] Properties =
    [
        ("Nullable", "disable"), ("ImplicitUsings", "disable"), ("InvariantGlobalization", "true"), ("PublishAot", "false"),
        ("TreatWarningsAsErrors", "false"), ("ManagePackageVersionsCentrally", "false"), ("EmbedUntrackedSources", "false"),
    ];

    private readonly List<string> _directives = [];
    private readonly List<string> _usings = [];
    private readonly HashSet<string> _usingKeys = [];
    private (string File, int Line) _lastUsing;
    private readonly StringBuilder _body = new();
    private readonly StringBuilder _types = new();
    private readonly List<Untranslated> _notes = [];
    private readonly Dictionary<string, int> _declaredIn = new(StringComparer.Ordinal);

    public IReadOnlyList<Untranslated> Notes => _notes;

    public int CodeCells { get; private set; }

    public void Untranslated(Untranslated note) => _notes.Add(note);

    public void Comment(int cell, string kind, string text)
    {
        _body.Append('\n').Append(Marker(cell, kind)).Append('\n');
        foreach (var line in Lines(text))
            _body.Append(line.Length == 0 ? "//" : "// " + line).Append('\n');
    }

    public void Code(int cell, string source, string notebookFolder)
    {
        CodeCells++;
        var (directives, code) = CellDirectives.Extract(source);
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var lineFile = LineFile(cell);
        _body.Append('\n').Append(Marker(cell, "C#")).Append('\n');
        foreach (var directive in directives)
            _body.Append("// ").Append(lines[directive.Line - 1].Trim()).Append("  →  ").Append(Translate(cell, directive, notebookFolder)).Append('\n');

        var split = CSharpCell.Split(code, lineFile, references.Runtime.EntryClass);
        foreach (var name in split.Declares)
        {
            if (!_declaredIn.TryAdd(name, cell))
                _body.Append("// ").Append(NotTranslated(cell, $"{name} declared again",
                    $"a notebook may declare a name again in a later cell, a program may not (first declared in cell {_declaredIn[name]}); rename one")).Append('\n');
        }
        foreach (var moved in split.Usings)
        {
            if (DefaultUsings().Any(d => Key(d) == Key(moved.Text)) || !_usingKeys.Add(Key(moved.Text))) continue;
            // A using on the line after the last one hoisted, from the same cell, needs no #line of its own.
            var follows = _lastUsing == (lineFile, moved.Line - 1) && !moved.Text.Contains('\n');
            _usings.Add((follows ? "" : $"#line {moved.Line} \"{lineFile}\"\n") + new string(' ', moved.Column) + moved.Text);
            _lastUsing = (lineFile, moved.Line);
        }
        _body.Append($"{references.Runtime.EntryClass}.Cell({cell});\n");
        // The cell's lines from its first that is not blank; the lines above it were directives, usings or nothing.
        var statements = split.Statements.Split('\n');
        var first = Array.FindIndex(statements, line => line.Trim().Length > 0);
        if (first >= 0)
        {
            if (!statements[first].StartsWith("#line", StringComparison.Ordinal))
                _body.Append($"#line {first + 1} \"{lineFile}\"\n");
            _body.Append(string.Join('\n', statements[first..]).TrimEnd()).Append('\n');
            _body.Append("#line default\n");
        }
        if (split.Types.Count == 0) return;
        _types.Append('\n').Append(Marker(cell, "its types")).Append('\n');
        foreach (var type in split.Types)
            _types.Append($"#line {type.Line} \"{lineFile}\"\n").Append(' ', type.Column).Append(type.Text).Append('\n');
        _types.Append("#line default\n");
    }

    public string Source()
    {
        var app = new StringBuilder();
        app.Append($"// A C# file-based app exported by `coursekit export` from the notebook {notebookName}.\n");
        app.Append("// Run it with the .NET 10 SDK: dotnet run <this file>. Each notebook cell starts at a \"// ── cell N\" line;\n");
        app.Append($"// compile errors and stack traces name the cell and its own line, as \"{notebookName} cell N(line,column)\".\n");
        foreach (var line in references.Runtime.HeaderLines) app.Append("// ").Append(line).Append('\n');
        app.Append('\n');
        foreach (var directive in _directives.Append(Directive("project", references.Runtime.CsprojPath)).Distinct())
            app.Append(directive).Append('\n');
        foreach (var (name, value) in Properties)
            app.Append($"#:property {name}={value}\n");
        app.Append('\n');
        foreach (var name in DefaultUsings()) app.Append($"using {name};\n");
        foreach (var hoisted in _usings) app.Append(hoisted).Append('\n');
        if (_usings.Count > 0) app.Append("#line default\n");
        app.Append('\n').Append($"{references.Runtime.EntryClass}.Start();\n");
        app.Append(_body);
        if (_types.Length > 0)
        {
            app.Append("\n// ── Types declared in the cells above. A C# program declares its types after its top-level statements,\n");
            app.Append("// so they are here, each under the cell it came from and with that cell's line numbers.\n");
            app.Append(_types);
        }
        return WithoutIdleLineDefaults(app.ToString());
    }

    // "#line default" where the lines already map to this file says nothing; it is dropped so the app reads cleanly.
    private static string WithoutIdleLineDefaults(string source)
    {
        var kept = new List<string>();
        var mapped = false;
        foreach (var line in source.Split('\n'))
        {
            if (line == "#line default")
            {
                if (!mapped) continue;
                mapped = false;
            }
            else if (line.StartsWith("#line ", StringComparison.Ordinal))
                mapped = true;
            kept.Add(line);
        }
        return string.Join('\n', kept);
    }

    private string Translate(int cell, CellDirective directive, string notebookFolder)
    {
        switch (directive)
        {
            case CellDirective.NuGetReference nuget:
                switch (references.Package(nuget.Id))
                {
                    case AppReference.Package package:
                        return Add(Directive("package", $"{package.Id}@{package.Version}")) +
                               (nuget.Version is { } asked && PackageCatalog.NormalizeVersion(asked) != package.Version ? $" (the kit's version, not {asked})" : "");
                    case AppReference.Project project:
                        return Add(Directive("project", project.CsprojPath));
                    case AppReference.Omitted omitted:
                        return $"nothing: {omitted.Reason}";
                }
                if (nuget.Version is { } version) return Add(Directive("package", $"{nuget.Id}@{version}"));
                return NotTranslated(cell, $"#r \"nuget: {nuget.Id}\"", "it names no version, and the kit does not ship this package; write #:package Id@Version");
            case CellDirective.AssemblyReference assembly:
                var path = Path.GetFullPath(Path.Combine(notebookFolder, assembly.Path));
                var name = Path.GetFileNameWithoutExtension(path);
                if ((references.ProjectOf(name) ?? ProjectBuilding(path, name)) is { } csproj)
                    return Add(Directive("project", csproj));
                return NotTranslated(cell, $"#r \"{assembly.Path}\"", "a file-based app references packages and projects, not DLLs, and no project builds this one");
            case CellDirective.PackageSource source:
                return NotTranslated(cell, $"#i \"nuget: {source.Source}\"", "a file-based app takes package sources from a nuget.config beside it");
            case CellDirective.UnsupportedMagic magic:
                return NotTranslated(cell, magic.Name, "a Polyglot magic command has no C# equivalent");
            default:
                throw new ArgumentOutOfRangeException(nameof(directive));
        }
    }

    private string NotTranslated(int cell, string what, string reason)
    {
        _notes.Add(new Untranslated(cell, what, reason));
        return $"not translated: {reason}";
    }

    private string Add(string directive)
    {
        _directives.Add(directive);
        return directive + " (at the top)";
    }

    private string Directive(string kind, string value) =>
        kind == "project" ? $"#:project {Path.GetRelativePath(appFolder, value).Replace('\\', '/')}" : $"#:{kind} {value}";

    // A DLL built from a project in the usual layout (<name>/bin/<configuration>/<framework>/<name>.dll) is that project.
    private static string? ProjectBuilding(string dll, string name)
    {
        var folder = Path.GetDirectoryName(dll);
        for (var up = 0; up < 5 && folder is not null; up++, folder = Path.GetDirectoryName(folder))
        {
            var csproj = Path.Combine(folder, name + ".csproj");
            if (File.Exists(csproj)) return csproj;
        }
        return null;
    }

    private IEnumerable<string> DefaultUsings() => CellCompiler.DefaultImports.Concat(references.Runtime.Usings);

    // "using X;" and "X" alike, spaces ignored: a cell's using of a namespace every app imports is not written twice.
    private static string Key(string usingDirective)
    {
        var key = new string(usingDirective.Where(c => !char.IsWhiteSpace(c)).ToArray()).TrimEnd(';');
        return key.StartsWith("using", StringComparison.Ordinal) ? key["using".Length..] : key;
    }

    private string LineFile(int cell) => $"{notebookName.Replace('"', '\'')} cell {cell}";

    private static string Marker(int cell, string kind)
    {
        var marker = $"// ── cell {cell} · {kind} ";
        return marker + new string('─', Math.Max(3, 100 - marker.Length));
    }

    // Comment lines: every line break C# knows ends a // comment, so each becomes a line of its own.
    private static string[] Lines(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n').Replace('\u0085', '\n')
            .TrimEnd('\n').Split('\n');
}
