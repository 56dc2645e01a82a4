using System.Reflection;
using System.Runtime.Loader;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The main loop of a compiler process (src/CourseKit.Compiler): reads <see cref="CompilerRequest"/>s from stdin and
/// answers on stdout, each compilation on a <see cref="CompilerThreads"/> thread, so chains of different notebooks
/// compile at the same time. It only compiles, never runs what it compiled. Its parent kills it when a compilation
/// overruns the cell's time limit, which stops the compilation, as no thread in the parent could be stopped.
/// </summary>
public static class CompilerServer
{
    public static int Run(TextReader input, TextWriter output)
    {
        var chains = new Dictionary<int, CellCompiler>();
        var answering = new List<Task>();
        while (input.ReadLine() is { } line)
        {
            switch (CompilerProtocol.Deserialize<CompilerRequest>(line))
            {
                case WarmUpCompiler warm:
                    answering.Add(AnswerAsync(output, warm.Id, async () =>
                    {
                        await CellCompiler.WarmUpAsync();
                        return null;
                    }));
                    break;
                case CompileCell compile:
                    CellCompiler? chain;
                    lock (chains)
                    {
                        if (compile.Start is { } start) chains[compile.Chain] = Open(start);
                        chain = chains.GetValueOrDefault(compile.Chain);
                    }
                    answering.Add(AnswerAsync(output, compile.Id, async () => chain is null
                        ? new CellCompilation(null, new CellOutput.Error("CompilerError", $"the compiler has no chain {compile.Chain}.", []), TimeSpan.Zero)
                        : await chain.CompileAsync(compile.Cells, CancellationToken.None)));
                    break;
                case CloseChain close:
                    lock (chains) chains.Remove(close.Chain);
                    break;
            }
            answering.RemoveAll(t => t.IsCompleted);
        }
        Task.WaitAll(answering);
        return 0;
    }

    private static async Task AnswerAsync(TextWriter output, int id, Func<Task<CellCompilation?>> compile)
    {
        CellCompilation? compiled;
        try
        {
            compiled = await compile();
        }
        catch (Exception error)
        {
            compiled = new CellCompilation(null, new CellOutput.Error("CompilerError", $"the compiler failed: {error.Message}", []), TimeSpan.Zero);
        }
        var answer = CompilerProtocol.Serialize(new CompilerResponse(id, compiled?.Cell, compiled?.Error, compiled?.CompileTime.TotalSeconds ?? 0));
        lock (output)
        {
            output.WriteLine(answer);
            output.Flush();
        }
    }

    private static CellCompiler Open(ChainStart start)
    {
        var packages = PackageCatalog.Of([.. start.Packages.Select(p => new KitPackage(p.Id, p.Version, [.. p.Assemblies.Select(Load)]))]);
        return new CellCompiler(start.Directory, packages, start.Sandbox, start.Name);
    }

    // A package's dependencies (FSharp.Core for Plotly.NET, say) are found beside the package's own assemblies.
    private static Assembly Load(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        lock (Folders)
        {
            if (Folders.Add(folder))
                AssemblyLoadContext.Default.Resolving += (context, name) =>
                    File.Exists(Path.Combine(folder, name.Name + ".dll")) ? context.LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")) : null;
        }
        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyName(AssemblyName.GetAssemblyName(path));
        }
        catch (FileNotFoundException)
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        }
    }

    private static readonly HashSet<string> Folders = [];
}
