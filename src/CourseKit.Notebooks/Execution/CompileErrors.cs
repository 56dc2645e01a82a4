using Microsoft.CodeAnalysis;

namespace CourseKit.Notebooks.Execution;

/// <summary>Turns compiler errors into an error output that points at the cell's own lines.</summary>
public static class CompileErrors
{
    public static CellOutput.Error FromDiagnostics(IEnumerable<Diagnostic> diagnostics, int cellNumber)
    {
        var lines = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d =>
            {
                var position = d.Location.GetLineSpan().StartLinePosition;
                return $"Cell {cellNumber}, line {position.Line + 1}, column {position.Character + 1}: error {d.Id}: {d.GetMessage()}";
            })
            .ToList();
        return new CellOutput.Error("CompilationError", lines.FirstOrDefault() ?? $"Cell {cellNumber} could not be compiled.", lines);
    }
}
