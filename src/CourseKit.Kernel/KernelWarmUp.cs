using CourseKit.Notebooks.Execution;

namespace CourseKit.Kernel;

/// <summary>
/// The compiler's first use in the kernel process, started as early as the process can: a kernel's first result is
/// mostly that first use (loading the framework's metadata and the compiler's own start-up), so it runs while the
/// process parses its arguments, binds its ports and answers <c>kernel_info</c>. The cell compiled is the smallest
/// there is, so a first cell waits only for what every cell needs; the rest warms as the notebook's own cells compile.
/// </summary>
public static class KernelWarmUp
{
    private static readonly Lazy<Task> Warm = new(() => Task.Run(() =>
        new CellCompiler(Directory.GetCurrentDirectory(), PackageCatalog.Empty).Compile("0", 0, CancellationToken.None)));

    /// <summary>Starts the warm-up, once; later calls return the same task.</summary>
    public static Task Start() => Warm.Value;
}
