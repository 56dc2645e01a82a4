using System.Reflection;
using CourseKit.Notebooks.Runtime;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The <see cref="IValueDisplay"/> implementations in the worker's loaded library assemblies (its own and those a
/// notebook loads with <c>#r</c>), in load order. Only assemblies that reference the runtime assembly can hold one,
/// so no other assembly's types are read, and they are read when a value is first shown, not before: a notebook that
/// shows none (the grader's, mostly) never pays for reading them.
/// </summary>
public static class ValueDisplays
{
    private static readonly object Gate = new();
    private static readonly List<Type> Types = [];
    private static readonly HashSet<Assembly> Seen = [];
    private static readonly List<Assembly> Unread = [];
    private static readonly string RuntimeName = typeof(IValueDisplay).Assembly.GetName().Name!;

    static ValueDisplays()
    {
        AppDomain.CurrentDomain.AssemblyLoad += (_, loaded) => Later(loaded.LoadedAssembly);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()) Later(assembly);
    }

    public static IReadOnlyList<Type> Found
    {
        get
        {
            lock (Gate)
            {
                // Reading an assembly's types may load others, which then join Unread: read until none is left.
                for (var i = 0; i < Unread.Count; i++) Add(Unread[i]);
                Unread.Clear();
                return [.. Types];
            }
        }
    }

    /// <summary>Counts <paramref name="assembly"/>'s displays in, so they apply to every notebook, not only to those that load it.</summary>
    public static void Include(Assembly assembly) => Later(assembly);

    // A notebook's own cells are loaded from memory (no location) and are never read.
    private static void Later(Assembly assembly)
    {
        if (assembly.IsDynamic || assembly.Location.Length == 0) return;
        lock (Gate) Unread.Add(assembly);
    }

    private static void Add(Assembly assembly)
    {
        // A notebook's own cells are loaded from memory (no location) and all reference the runtime: reading their
        // types on every cell would be work on the hot path and keep every cell of every notebook in the list.
        if (assembly.IsDynamic || assembly.Location.Length == 0 || !assembly.GetReferencedAssemblies().Any(r => r.Name == RuntimeName)) return;
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partly)
        {
            types = partly.Types.OfType<Type>().ToArray();
        }
        var displays = types.Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IValueDisplay).IsAssignableFrom(t)
            && t.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is not null);
        if (Seen.Add(assembly)) Types.AddRange(displays); // under Gate, held by Found
    }
}
