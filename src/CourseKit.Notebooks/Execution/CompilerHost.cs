namespace CourseKit.Notebooks.Execution;

/// <summary>Compiles one notebook's cells in order, each cell seeing the ones before it.</summary>
public interface ICellChain
{
    /// <summary>
    /// Compiles one cell within <paramref name="limit"/> of compiling (waiting for a compiler to start is not counted).
    /// Null when the limit passed or <paramref name="stop"/> fired first: the compilation was then abandoned.
    /// </summary>
    Task<CellCompilation?> CompileAsync(string source, int cellNumber, TimeSpan limit, CancellationToken stop);

    /// <summary>
    /// Compiles the first of <paramref name="cells"/> and, with it, as many of the cells after it as form a group
    /// (<see cref="CellGroups"/>): the compiled cell's <see cref="CompiledCell.Group"/> names them. As the single-cell
    /// <see cref="CompileAsync(string, int, TimeSpan, CancellationToken)"/> otherwise; nothing of an abandoned
    /// compilation stays in the chain, so the runner may compile the first cell alone next.
    /// </summary>
    Task<CellCompilation?> CompileAsync(IReadOnlyList<CellSource> cells, TimeSpan limit, CancellationToken stop);

    /// <summary>
    /// The run stopped in the middle of the group compiled last, at cell <paramref name="lastCellRun"/>: the cells of the
    /// group after it never ran, and from the next compilation on (an evaluation) the chain no longer holds what they
    /// declare, as a chain that compiled one cell at a time never compiled them. Nothing happens when the last compilation
    /// was no group or ended at that cell.
    /// </summary>
    void ForgetAfter(int lastCellRun);
}

/// <summary>Where notebooks' cells are compiled: in this process (<see cref="InProcessCompiler"/>) or in a <see cref="CompilerProcess"/>.</summary>
public interface ICompilerHost
{
    /// <summary>Readies the compiler, whose first use costs a second or more, so that no cell's time limit pays for it.</summary>
    Task WarmUpAsync();

    /// <summary>A new chain for one notebook run in <paramref name="notebookDirectory"/>.</summary>
    ICellChain Open(string notebookDirectory, PackageCatalog packages, WorkerSandbox sandbox);
}

/// <summary>
/// Compiles in this process, as <c>coursekit run</c> and the kernel do: cheapest, but a compilation Roslyn does not stop
/// when asked keeps a core of this process busy until it ends (see <see cref="CompileJob"/>).
/// </summary>
public sealed class InProcessCompiler : ICompilerHost
{
    public static InProcessCompiler Instance { get; } = new();

    private InProcessCompiler()
    {
    }

    public Task WarmUpAsync() => CellCompiler.WarmUpAsync();

    public ICellChain Open(string notebookDirectory, PackageCatalog packages, WorkerSandbox sandbox) =>
        new CellCompiler(notebookDirectory, packages, sandbox);
}
