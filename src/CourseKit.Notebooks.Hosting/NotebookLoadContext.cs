using System.Reflection;
using System.Runtime.Loader;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Where one notebook's compiled cells and <c>#r</c> assemblies are loaded in the worker. Each cell's assembly
/// refers to the earlier cells' by name, so names resolve to what this context loaded; everything else
/// (the kit, the framework) comes from the worker's own context.
/// </summary>
public sealed class NotebookLoadContext() : AssemblyLoadContext("notebook")
{
    private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.Ordinal);

    public Assembly LoadCell(byte[] assembly, byte[]? symbols)
    {
        using var image = new MemoryStream(assembly, writable: false);
        using var debug = symbols is null ? null : new MemoryStream(symbols, writable: false);
        return Remember(LoadFromStream(image, debug));
    }

    public Assembly LoadReference(string path) => Remember(LoadFromAssemblyPath(path));

    protected override Assembly? Load(AssemblyName name) =>
        name.Name is { } simple && _loaded.TryGetValue(simple, out var assembly) ? assembly : null;

    private Assembly Remember(Assembly assembly)
    {
        _loaded[assembly.GetName().Name!] = assembly;
        return assembly;
    }
}
