using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using CourseKit.Notebooks.Runtime;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// One notebook's C# cells run in order in one Roslyn scripting session, so later cells see earlier
/// cells' variables, as in the Polyglot C# kernel. Runs inside the worker process only.
/// </summary>
public sealed class ScriptSession
{
    // The namespaces the Polyglot C# kernel imports, plus the runner's x.Display().
    private static readonly string[] DefaultImports =
    [
        "System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks",
        "System.Net.Http", typeof(DisplayExtensions).Namespace!,
    ];

    // The .NET shared framework, as the Polyglot C# kernel sees it; read once per worker.
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

    private readonly string _directory;
    private readonly OutputSink _sink = new();
    private readonly ScriptGlobals _globals;
    private readonly HashSet<Assembly> _referenced = [];
    private ScriptOptions _options;
    private ScriptState<object>? _state;

    public ScriptSession(string notebookDirectory)
    {
        _directory = notebookDirectory;
        _globals = new ScriptGlobals(_sink);
        _options = ScriptOptions.Default
            .WithImports(DefaultImports)
            .WithReferences(FrameworkReferences.Value)
            .AddReferences(typeof(ScriptGlobals).Assembly)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithSourceResolver(new SourceFileResolver([], notebookDirectory));
    }

    /// <summary>Runs one cell; an error output ends its outputs when it fails.</summary>
    public async Task<CellRunResult> RunAsync(string source, int cellNumber)
    {
        var (directives, code) = CellDirectives.Extract(source);
        var compileTime = TimeSpan.Zero;
        DisplayExtensions.CurrentSink = _sink;
        var previousOut = Console.Out;
        var previousError = Console.Error;
        Console.SetOut(_sink.StandardOutput);
        Console.SetError(_sink.StandardError);
        try
        {
            foreach (var directive in directives)
                Apply(directive, cellNumber);

            var options = _options.WithFilePath(CellPath(cellNumber));
            var script = _state is null
                ? CSharpScript.Create(code, options, typeof(ScriptGlobals))
                : _state.Script.ContinueWith(code, options);
            var clock = Stopwatch.StartNew();
            script.Compile(); // compiles and emits once; the run below reuses it
            compileTime = clock.Elapsed;
            _state = _state is null
                ? await script.RunAsync(_globals, catchException: _ => true)
                : await script.RunFromAsync(_state, catchException: _ => true);

            if (_state.Exception is { } exception)
                return Fail(CellErrors.FromException(exception, cellNumber));
            if (_state.ReturnValue is not null and not DisplayedValue && HasTrailingExpression(code))
                _sink.Display(_state.ReturnValue, isResult: true);
            return new CellRunResult(_sink.TakeAll(), Failed: false, compileTime);
        }
        catch (CompilationErrorException error)
        {
            return Fail(CellErrors.FromCompilation(error, cellNumber)) with { CompileTime = compileTime };
        }
        catch (PackageNotAvailableException error)
        {
            return Fail(new CellOutput.Error("PackageNotAvailable", error.Message, [$"Cell {cellNumber}: {error.Message}"]));
        }
        catch (DirectiveException error)
        {
            return Fail(new CellOutput.Error("DirectiveError", error.Message, [$"Cell {cellNumber}, line {error.Line}: {error.Message}"]));
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }

    private static bool _warm;

    /// <summary>
    /// Compiles and runs a trivial script once per worker, so the compiler's first-use cost is not
    /// charged to a notebook's first cell and its time limit.
    /// </summary>
    public static async Task WarmUpAsync()
    {
        if (_warm) return;
        await new ScriptSession(Directory.GetCurrentDirectory()).RunAsync("var warm = new List<int> { 1 }.Select(x => x + 1).Sum();\nwarm", 0);
        _warm = true;
    }

    internal static string CellPath(int cellNumber) => $"cell{cellNumber}";

    private CellRunResult Fail(CellOutput.Error error)
    {
        _sink.Add(error);
        return new CellRunResult(_sink.TakeAll(), Failed: true);
    }

    // A cell ending in an expression without a semicolon has a value to show, as in Polyglot.
    private static bool HasTrailingExpression(string code)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(code,
            new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(kind: SourceCodeKind.Script));
        var last = tree.GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().LastOrDefault();
        return last?.Statement is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax statement
               && statement.SemicolonToken.IsMissing;
    }

    private void Apply(CellDirective directive, int cellNumber)
    {
        switch (directive)
        {
            case CellDirective.NuGetReference nuget:
                Reference(KitPackages.Resolve(nuget.Id, nuget.Version).Assemblies);
                break;
            case CellDirective.AssemblyReference assembly:
                Reference([LoadAssembly(assembly)]);
                break;
            case CellDirective.PackageSource:
                break; // the runner's packages come from the kit, not from a source
        }
    }

    private void Reference(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            if (!_referenced.Add(assembly)) continue;
            _options = _options.AddReferences(WithDependencies(assembly));
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
    /// <c>#r "path.dll"</c>, relative to the notebook's folder. An assembly the kit already has (such as
    /// CourseKit.dll from the build folder) is answered with the kit's own copy, never loaded twice.
    /// </summary>
    private Assembly LoadAssembly(CellDirective.AssemblyReference reference)
    {
        var path = Path.GetFullPath(Path.Combine(_directory, reference.Path));
        var simpleName = Path.GetFileNameWithoutExtension(path);
        var kit = KitPackages.Assemblies.Concat(AppDomain.CurrentDomain.GetAssemblies())
            .FirstOrDefault(a => string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase));
        if (kit is not null) return kit;
        if (!File.Exists(path))
            throw new DirectiveException(reference.Line, $"#r names '{reference.Path}', but there is no file {path}.");
        try
        {
            return Assembly.LoadFrom(path);
        }
        catch (BadImageFormatException)
        {
            throw new DirectiveException(reference.Line, $"#r names '{reference.Path}', which is not a .NET assembly.");
        }
    }
}

/// <summary>The outputs of one cell and whether it failed.</summary>
/// <param name="CompileTime">Time spent compiling the cell, for the benchmark's compile share.</param>
public sealed record CellRunResult(IReadOnlyList<CellOutput> Outputs, bool Failed, TimeSpan CompileTime = default);

public sealed class DirectiveException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
