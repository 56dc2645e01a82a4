using System.Globalization;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// A cap on how many processes and threads one worker and everything it starts may have at once: a Linux "pids"
/// control group per worker. Without it a fork bomb in notebook code fills the machine's process table, and the
/// grader and the other students' workers can no longer start a thread. (The per-user process limit does not hold
/// for root, which is who runs bubblewrap here.) Needs a writable pids hierarchy, cgroup v1 or v2; see <see cref="Available"/>.
/// </summary>
public sealed class TaskLimit : IDisposable
{
    private const string V1Root = "/sys/fs/cgroup/pids";
    private const string V2Root = "/sys/fs/cgroup";
    private const string GroupName = "coursekit";

    private static readonly Lazy<string?> Parent = new(FindParent);
    private static int _counter;

    private readonly string _folder;

    private TaskLimit(string folder) => _folder = folder;

    /// <summary>Whether workers can be given a task limit here.</summary>
    public static bool Available => Parent.Value is not null;

    /// <summary>The file a process writes its own id to, to join this group; its children are then in it too.</summary>
    public string JoinFile => Path.Combine(_folder, "cgroup.procs");

    /// <summary>
    /// A new group allowing <paramref name="maxTasks"/> tasks, or null when <see cref="Available"/> is false (the grader
    /// has said so). Where groups can be made, failing to make this one is an error, never a worker without its limit.
    /// </summary>
    public static TaskLimit? Create(int maxTasks)
    {
        if (Parent.Value is not { } parent) return null;
        var name = string.Create(CultureInfo.InvariantCulture, $"w{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}");
        var folder = Path.Combine(parent, name);
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "pids.max"), maxTasks.ToString(CultureInfo.InvariantCulture));
            return new TaskLimit(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryRemove(folder);
            throw new IOException($"could not make the worker's task-limit group {folder}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The command that joins this group and then runs <paramref name="command"/> in place of itself, so the
    /// worker and all it starts are counted from their first instruction.
    /// </summary>
    public IEnumerable<string> Wrap(IEnumerable<string> command) =>
        ["/bin/sh", "-c", "echo $$ > \"$1\" || exit 125; shift; exec \"$@\"", "coursekit-task-limit", JoinFile, .. command];

    /// <summary>Removes the group once its processes are gone (they may take a moment to be reaped after a kill).</summary>
    public void Dispose()
    {
        for (var attempt = 0; attempt < 20 && Directory.Exists(_folder); attempt++)
        {
            if (TryRemove(_folder)) return;
            Thread.Sleep(50);
        }
    }

    private static bool TryRemove(string folder)
    {
        try
        {
            // A control group is removed as a directory, though it lists files: the kernel owns them.
            Directory.Delete(folder);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string? FindParent()
    {
        if (!OperatingSystem.IsLinux()) return null;
        var root = File.Exists(Path.Combine(V1Root, "cgroup.procs")) ? V1Root
            : File.Exists(Path.Combine(V2Root, "cgroup.subtree_control"))
              && File.ReadAllText(Path.Combine(V2Root, "cgroup.subtree_control")).Split(' ', '\n').Contains("pids") ? V2Root
            : null;
        if (root is null) return null;
        var parent = Path.Combine(root, GroupName);
        try
        {
            Directory.CreateDirectory(parent);
            if (root == V2Root) File.WriteAllText(Path.Combine(parent, "cgroup.subtree_control"), "+pids");
            RemoveAbandoned(parent);
            return parent;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Groups left by graders that ended without cleaning up: empty ones can go, busy ones refuse.
    private static void RemoveAbandoned(string parent)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, "w*"))
        {
            var owner = Path.GetFileName(folder)[1..].Split('-')[0];
            if (int.TryParse(owner, CultureInfo.InvariantCulture, out var pid) && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}"))
                TryRemove(folder);
        }
    }
}
