using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using CourseKit.Notebooks.Runtime;

namespace CourseKit.Notebooks.Execution;

/// <summary>What compiling one cell gave: the cell to run, or the error to show instead.</summary>
public sealed record CellCompilation(CompiledCell? Cell, CellOutput.Error? Error, TimeSpan CompileTime);

/// <summary>
/// Compiles one notebook's C# cells, in order, as a chain of Roslyn script submissions, so later cells see
/// earlier cells' variables as in the Polyglot C# kernel. It runs in the runner's process and never runs
/// notebook code: the worker loads and runs what it emits. A cell that fails to compile is left out of the chain.
/// </summary>
public sealed class CellCompiler : ICellChain
{
    /// <summary>Longer cells are refused, so a hostile notebook cannot make the compiler work without end.</summary>
    public const int MaxCellChars = 100_000;

    /// <summary>Deeper bracket nesting is refused: the compiler's time grows faster than the depth.</summary>
    public const int MaxNesting = 500;


    // The namespaces the Polyglot C# kernel imports, plus the runner's x.Display().
    internal static readonly string[] DefaultImports =
    [
        "System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks",
        "System.Net.Http", typeof(DisplayExtensions).Namespace!,
    ];

    // The .NET shared framework, as the Polyglot C# kernel sees it; read once per process.
    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(() =>
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == runtime)
            .Where(path => Path.GetFileName(path) is var name &&
                           (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    });

    // The compiler's first use in a process costs a second or more; it is paid once, outside any cell's time limit.
    private static readonly Lazy<Task> Warm = new(() => Task.Run(() =>
        new CellCompiler(Directory.GetCurrentDirectory(), PackageCatalog.Empty).Compile("var warm = new List<int> { 1 }.Select(x => x + 1).Sum();\nwarm", 0, default)));

    private static readonly ConcurrentDictionary<string, MetadataReference> AssemblyReferences = new();

    private readonly string _directory;
    private readonly WorkerSandbox _sandbox;
    private readonly PackageCatalog _packages;
    private readonly HashSet<Assembly> _referenced = [];
    private readonly List<MetadataReference> _references;
    private readonly CSharpCompilationOptions _options;
    private readonly string _chain;
    private CSharpCompilation? _previous;

    // The group compiled last and the chain before it, while it is the end of the chain; a group to compile again
    // without its cells after a given one (ForgetAfter), done by the next compilation, on a compiler thread.
    private (IReadOnlyList<CellSource> Cells, CSharpCompilation? Before, CSharpCompilation Group)? _lastGroup;
    private int? _forgetAfter;

    // A compilation joins the chain under this lock, and only if it was not abandoned; an abandoned one is undone.
    private readonly object _commit = new();

    /// <param name="packages">What <c>#r "nuget: …"</c> may ask for, and which <c>#r</c> paths the kit answers with its own copy.</param>
    /// <param name="sandbox">What the worker may read: <c>#r</c> paths it cannot read are refused here too.</param>
    /// <param name="chainName">Names the chain's assemblies; a new one by default.</param>
    public CellCompiler(string notebookDirectory, PackageCatalog packages, WorkerSandbox? sandbox = null, string? chainName = null)
    {
        _chain = chainName ?? Guid.NewGuid().ToString("N");
        _directory = notebookDirectory;
        _packages = packages;
        _sandbox = sandbox ?? WorkerSandbox.None;
        _references = [.. FrameworkReferences.Value, ReferenceTo(typeof(ScriptGlobals).Assembly)];
        // As Roslyn's scripting defaults, except one thread only: a concurrent build binds on pool threads,
        // whose stacks deep code can overflow.
        _options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            scriptClassName: "Submission", usings: DefaultImports, optimizationLevel: OptimizationLevel.Debug,
            allowUnsafe: true, concurrentBuild: false,
            sourceReferenceResolver: new SourceFileResolver([], notebookDirectory),
            assemblyIdentityComparer: DesktopAssemblyIdentityComparer.Default);
    }

    public static Task WarmUpAsync() => Warm.Value;

    /// <summary>The last cell that compiled, whose chain holds every earlier one; the kernel completes code against it.</summary>
    public CSharpCompilation? Chain => _previous;

    /// <summary>
    /// Compiles one cell on one of the <see cref="CompilerThreads"/>: the compiler recurses as deep as the code nests,
    /// and on their stack no cell of <see cref="MaxCellChars"/> can overflow it (which would end the runner's process).
    /// Once <paramref name="cancel"/> fires the compilation is abandoned (see <see cref="CompileJob"/>).
    /// </summary>
    public Task<CellCompilation> CompileAsync(string source, int cellNumber, CancellationToken cancel) =>
        CompileAsync([new CellSource(cellNumber, source)], cancel);

    /// <summary>
    /// Compiles the first of <paramref name="cells"/> and, with it, as many of the cells after it as form a group
    /// (<see cref="CellGroups"/>), on one of the <see cref="CompilerThreads"/>, as <see cref="CompileAsync(string, int, CancellationToken)"/>.
    /// </summary>
    public Task<CellCompilation> CompileAsync(IReadOnlyList<CellSource> cells, CancellationToken cancel)
    {
        var cellNumber = cells[0].Number;
        var done = new TaskCompletionSource<CellCompilation>(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = CompilerThreads.Run(() =>
        {
            try
            {
                done.SetResult(Compile(cells, cancel));
            }
            catch (InsufficientExecutionStackException)
            {
                done.SetResult(new CellCompilation(null, new CellOutput.Error("CompilationError",
                    $"Cell {cellNumber} nests too deeply to compile.", [$"Cell {cellNumber}: the code nests too deeply to compile."]), TimeSpan.Zero));
            }
            catch (Exception error)
            {
                done.SetException(error);
            }
        });
        cancel.Register(job.Abandon);
        return done.Task;
    }

    public Task<CellCompilation?> CompileAsync(string source, int cellNumber, TimeSpan limit, CancellationToken stop) =>
        CompileAsync([new CellSource(cellNumber, source)], limit, stop);

    public async Task<CellCompilation?> CompileAsync(IReadOnlyList<CellSource> cells, TimeSpan limit, CancellationToken stop)
    {
        using var compileLimit = CancellationTokenSource.CreateLinkedTokenSource(stop);
        compileLimit.CancelAfter(limit);
        var before = _previous;
        try
        {
            // The compiler does not always stop when asked, so the wait has its own limit; the compilation is then abandoned.
            return await CompileAsync(cells, compileLimit.Token).WaitAsync(limit, stop);
        }
        catch (Exception error) when (error is TimeoutException or OperationCanceledException)
        {
            compileLimit.Cancel(); // abandons the compilation, whichever limit came first
            lock (_commit) _previous = before; // in case it joined the chain as the wait ran out: the chain goes on without it
            return null;
        }
    }

    /// <summary>The first of <paramref name="cells"/>, with the cells after it that form a group with it.</summary>
    public CellCompilation Compile(IReadOnlyList<CellSource> cells, CancellationToken cancel)
    {
        Forget(cancel);
        var group = cells.Count > 1 ? CellGroups.Take(cells, cancel) : cells;
        return (group.Count > 1 ? CompileGroup(group, cancel) : null) ?? Compile(cells[0].Source, cells[0].Number, cancel);
    }

    public CellCompilation Compile(string source, int cellNumber, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        if (source.Length > MaxCellChars)
            return Failed(cellNumber, "CellTooLong", $"the cell has {source.Length:N0} characters; the runner compiles cells of up to {MaxCellChars:N0}.", clock);

        if (NestingDepth.Of(source) > MaxNesting)
            return Failed(cellNumber, "CellTooDeep", $"the cell nests brackets more than {MaxNesting} deep; the runner compiles cells nested up to {MaxNesting}.", clock);

        var (directives, code) = CellDirectives.Extract(source);
        var loadPaths = new List<string>();
        try
        {
            foreach (var directive in directives)
                Apply(directive, loadPaths);
        }
        catch (PackageNotAvailableException error)
        {
            return Failed(cellNumber, "PackageNotAvailable", error.Message, clock);
        }
        catch (UnsupportedMagicException error)
        {
            return new CellCompilation(null, new CellOutput.Error("UnsupportedMagic", error.Message, [$"Cell {cellNumber}, line {error.Line}: {error.Message}"]), clock.Elapsed);
        }
        catch (DirectiveException error)
        {
            return new CellCompilation(null, new CellOutput.Error("DirectiveError", error.Message, [$"Cell {cellNumber}, line {error.Line}: {error.Message}"]), clock.Elapsed);
        }

        var tree = CSharpSyntaxTree.ParseText(SourceText.From(code, System.Text.Encoding.UTF8), ParseOptions, CellPath(cellNumber), cancel);
        var compilation = CSharpCompilation.CreateScriptCompilation($"notebook-{_chain}-cell{cellNumber}", tree, _references, _options,
            _previous, typeof(object), typeof(ScriptGlobals));
        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream();
        // Cancelled at the cell time limit: the runner reports that, as it does when the wait itself runs out.
        var emitted = compilation.Emit(assembly, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb), cancellationToken: cancel);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            return new CellCompilation(null, CompileErrors.FromDiagnostics(errors, cellNumber), clock.Elapsed);

        // A cell with no statements (only directives, usings or nothing) emits no assembly, yet its usings
        // and references stay in the chain for the cells after it.
        Commit(compilation, cancel);
        if (!emitted.Success)
            return new CellCompilation(new CompiledCell(cellNumber, null, null, "", "", false, loadPaths), null, clock.Elapsed);
        var entry = compilation.GetEntryPoint(cancel)!;
        var cell = new CompiledCell(cellNumber, assembly.ToArray(), symbols.ToArray(), entry.ContainingType.MetadataName, entry.MetadataName,
            HasTrailingExpression(tree), loadPaths);
        return new CellCompilation(cell, null, clock.Elapsed);
    }

    /// <summary>
    /// The cells as one script, each cell's lines under its own name (<c>#line</c>) and an await of
    /// <see cref="CellBoundary.NextAsync"/> between two cells. Null when it does not compile cleanly: then the cells
    /// before the first with an error are tried as a group once more, and otherwise the caller compiles the first cell
    /// alone, which reports its errors as the chain does. Nothing of a group that failed stays in the chain.
    /// </summary>
    private CellCompilation? CompileGroup(IReadOnlyList<CellSource> group, CancellationToken cancel, bool retry = true)
    {
        var clock = Stopwatch.StartNew();
        var referenceCount = _references.Count;
        var referenced = _referenced.ToList();
        var directives = CellDirectives.Extract(group[0].Source).Directives;
        var loadPaths = new List<string>();
        try
        {
            foreach (var directive in directives)
                Apply(directive, loadPaths);
        }
        catch (Exception error) when (error is DirectiveException or PackageNotAvailableException)
        {
            Undo(referenceCount, referenced, cancel);
            return null;
        }

        var chainBefore = _previous;
        var compilation = GroupCompilation(group, chainBefore, cancel);
        var tree = compilation.SyntaxTrees[0];
        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream();
        var emitted = compilation.Emit(assembly, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb), cancellationToken: cancel);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || !emitted.Success)
        {
            Undo(referenceCount, referenced, cancel);
            var firstWithError = errors.Select(d => CellNumberOf(d.Location)).Where(n => n > 0).DefaultIfEmpty(0).Min();
            var before = group.TakeWhile(c => c.Number < firstWithError).ToList();
            return retry && before.Count > 1 ? CompileGroup(before, cancel, retry: false) : null;
        }

        Commit(compilation, cancel);
        _lastGroup = (group, chainBefore, compilation);
        var entry = compilation.GetEntryPoint(cancel)!;
        var compiled = new CompiledCell(group[0].Number, assembly.ToArray(), symbols.ToArray(), entry.ContainingType.MetadataName, entry.MetadataName,
            HasTrailingExpression(tree), loadPaths, [.. group.Select(c => c.Number)]);
        return new CellCompilation(compiled, null, clock.Elapsed);
    }

    public void ForgetAfter(int lastCellRun)
    {
        lock (_commit) _forgetAfter = lastCellRun;
    }

    // The last group again, as far as the cell ForgetAfter named: the same assembly name, the same script class and
    // members as far as that cell, so what compiles against it binds to the assembly the worker ran. Only bound, never emitted.
    private void Forget(CancellationToken cancel)
    {
        int? lastCellRun;
        lock (_commit) (lastCellRun, _forgetAfter) = (_forgetAfter, null);
        if (lastCellRun is not { } last || _lastGroup is not { } group || !ReferenceEquals(group.Group, _previous)) return;
        var ran = group.Cells.TakeWhile(c => c.Number <= last).ToList();
        if (ran.Count == 0 || ran.Count == group.Cells.Count) return;
        var compilation = GroupCompilation(ran, group.Before, cancel);
        lock (_commit)
            if (!cancel.IsCancellationRequested) _previous = compilation;
        _lastGroup = null;
    }

    // The cell a diagnostic is in, by the name its lines carry (CellPath); 0 when it is in none.
    private static int CellNumberOf(Location location)
    {
        var path = location.GetMappedLineSpan().Path;
        return path.StartsWith("cell", StringComparison.Ordinal) && int.TryParse(path.AsSpan(4), out var number) ? number : 0;
    }

    // The group's cells as one script after previous (see CompileGroup); the first cell's directives are applied already.
    private CSharpCompilation GroupCompilation(IReadOnlyList<CellSource> group, CSharpCompilation? previous, CancellationToken cancel)
    {
        var code = new System.Text.StringBuilder(CellDirectives.Extract(group[0].Source).Code);
        foreach (var cell in group.Skip(1))
            code.Append($"\n#line hidden\nawait global::{typeof(CellBoundary).FullName}.{nameof(CellBoundary.NextAsync)}(); global::{typeof(CellBoundary).FullName}.{nameof(CellBoundary.Enter)}();\n#line 1 \"{CellPath(cell.Number)}\"\n")
                .Append(CellDirectives.Extract(cell.Source).Code);
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(code.ToString(), System.Text.Encoding.UTF8), ParseOptions, CellPath(group[0].Number), cancel);
        return CSharpCompilation.CreateScriptCompilation($"notebook-{_chain}-cell{group[0].Number}", tree, _references, _options,
            previous, typeof(object), typeof(ScriptGlobals));
    }

    // Not once the group was abandoned: the runner compiles its first cell alone meanwhile, whose references these are too.
    private void Undo(int referenceCount, List<Assembly> referenced, CancellationToken cancel)
    {
        lock (_commit)
        {
            if (cancel.IsCancellationRequested) return;
            _references.RemoveRange(referenceCount, _references.Count - referenceCount);
            _referenced.Clear();
            _referenced.UnionWith(referenced);
        }
    }

    private void Commit(CSharpCompilation compilation, CancellationToken cancel)
    {
        lock (_commit)
            if (!cancel.IsCancellationRequested) _previous = compilation;
    }

    internal static string CellPath(int cellNumber) => $"cell{cellNumber}";

    private static CellCompilation Failed(int cellNumber, string name, string message, Stopwatch clock) =>
        new(null, new CellOutput.Error(name, message, [$"Cell {cellNumber}: {message}"]), clock.Elapsed);

    // A cell ending in an expression without a semicolon has a value to show, as in Polyglot.
    private static bool HasTrailingExpression(SyntaxTree tree)
    {
        var last = tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().LastOrDefault();
        return last?.Statement is ExpressionStatementSyntax statement && statement.SemicolonToken.IsMissing;
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private static MetadataReference ReferenceTo(Assembly assembly) =>
        AssemblyReferences.GetOrAdd(assembly.Location, path => MetadataReference.CreateFromFile(path));

    private void Apply(CellDirective directive, List<string> loadPaths)
    {
        switch (directive)
        {
            case CellDirective.NuGetReference nuget:
                Reference(_packages.Resolve(nuget.Id, nuget.Version).Assemblies);
                break;
            case CellDirective.AssemblyReference assembly:
                ReferencePath(assembly, loadPaths);
                break;
            case CellDirective.PackageSource:
                break; // the runner's packages come from the kit, not from a source
            case CellDirective.UnsupportedMagic magic:
                throw new UnsupportedMagicException(magic.Line,
                    $"the magic command {magic.Name} is not supported by the kit's runner; supported: {CellDirectives.Supported}.");
        }
    }

    private void Reference(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            if (!_referenced.Add(assembly)) continue;
            _references.AddRange(WithDependencies(assembly).Where(a => a == assembly || _referenced.Add(a)).Select(ReferenceTo));
        }
    }

    // Types in a package's API come from its dependencies too (FSharp.Core for Plotly.NET, say).
    private static IEnumerable<Assembly> WithDependencies(Assembly assembly)
    {
        yield return assembly;
        foreach (var name in assembly.GetReferencedAssemblies())
        {
            Assembly? dependency;
            try { dependency = Assembly.Load(name); }
            catch (FileNotFoundException) { continue; }
            if (!dependency.IsDynamic && dependency.Location.Length > 0) yield return dependency;
        }
    }

    /// <summary>
    /// <c>#r "path.dll"</c>, relative to the notebook's folder. An assembly the kit has (such as CourseKit.dll from
    /// the build folder) is answered with the kit's own copy, never loaded twice; any other must be a .NET
    /// assembly the worker can read, and the worker loads it before the cell runs.
    /// </summary>
    private void ReferencePath(CellDirective.AssemblyReference reference, List<string> loadPaths)
    {
        var path = Path.GetFullPath(Path.Combine(_directory, reference.Path));
        var simpleName = Path.GetFileNameWithoutExtension(path);
        var kit = _packages.Assemblies.Append(typeof(ScriptGlobals).Assembly)
            .FirstOrDefault(a => string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase));
        if (kit is not null)
        {
            Reference([kit]);
            return;
        }
        if (!File.Exists(path) || !_sandbox.CanRead(path))
            throw new DirectiveException(reference.Line, $"#r names '{reference.Path}', but there is no file {path}.");
        try
        {
            AssemblyName.GetAssemblyName(path);
        }
        catch (BadImageFormatException)
        {
            throw new DirectiveException(reference.Line, $"#r names '{reference.Path}', which is not a .NET assembly.");
        }
        _references.Add(MetadataReference.CreateFromFile(path));
        loadPaths.Add(path);
    }
}

public class DirectiveException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>A Polyglot magic command the runner does not support.</summary>
public sealed class UnsupportedMagicException(int line, string message) : DirectiveException(line, message);
