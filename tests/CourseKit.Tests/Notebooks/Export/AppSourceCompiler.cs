using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CourseKit.Tests.Notebooks.Export;

/// <summary>
/// Compiles an exported app's source in-process, as the SDK compiles a file-based program (its <c>#:</c> lines are
/// accepted, nullable off), against everything this test process can load, which includes the app runtime.
/// </summary>
public static class AppSourceCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList());

    public static IReadOnlyList<Diagnostic> Errors(string source)
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview).WithFeatures([new("FileBasedProgram", "true")]);
        var tree = CSharpSyntaxTree.ParseText(source, options, "app.cs");
        var compilation = CSharpCompilation.Create("app", [tree], References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Disable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }
}
