using System.Globalization;
using System.Runtime.InteropServices;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// A cap on how many processes and threads one worker and everything it starts may have at once: a Linux "pids"
/// control group per worker. Without it a fork bomb in notebook code fills the machine's process table, and the
/// grader and the other students' workers can no longer start a thread. (The per-user process limit does not hold
/// for root, which is who runs bubblewrap here.) The group also finds every process the worker left behind, even
/// one that detached itself, so they all end with the worker. Needs a writable pids hierarchy, cgroup v1 or v2;
/// see <see cref="Available"/>.
/// </summary>
public sealed class TaskLimit : IDisposable
{
    /// <summary>The exit code of the wrapper when the worker could not join its group: the grader's fault, not the notebook's.</summary>
    public const int JoinFailedExitCode = 125;

    private const string V1Root = "/sys/fs/cgroup/pids";
    private const string V2Root = "/sys/fs/cgroup";
    private const string GroupName = "coursekit";
    private const int SigKill = 9;

    private static readonly Lazy<string?> Parent = new(FindParent);
    private static int _counter;

    private readonly string _folder;

    private TaskLimit(string folder) => _folder = folder;

    /// <summary>Whether workers can be given a task limit here.</summary>
    public static bool Available => Parent.Value is not null;

    /// <summary>The folder holding every worker's group (one per worker, named by its grader), when <see cref="Available"/>.</summary>
    public static string? GroupsFolder => Parent.Value;

    /// <summary>The file a process writes its own id to, to join this group; its children are then in it too.</summary>
    public string JoinFile => Path.Combine(_folder, "cgroup.procs");

    /// <summary>
    /// A new group allowing <paramref name="maxTasks"/> tasks, or null when <see cref="Available"/> is false (the grader
    /// has said so). Where groups can be made, failing to make this one is an error, never a worker without its limit.
    /// </summary>
    public static TaskLimit? Create(int maxTasks)
    {
        if (Parent.Value is not { } parent) return null;
        var name = string.Create(CultureInfo.InvariantCulture, $"{Owner(Environment.ProcessId)}-{Interlocked.Increment(ref _counter)}");
        var folder = Path.Combine(parent, name);
        try
        {
            if (Directory.Exists(folder)) throw new IOException("a group of that name already exists");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "pids.max"), maxTasks.ToString(CultureInfo.InvariantCulture));
            return new TaskLimit(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkerStartException($"could not make the worker's task-limit group {folder}: {e.Message}");
        }
    }

    /// <summary>
    /// The command that joins this group and then runs <paramref name="command"/> in place of itself, so the
    /// worker and all it starts are counted from their first instruction.
    /// </summary>
    public IEnumerable<string> Wrap(IEnumerable<string> command) =>
        ["/bin/sh", "-c", $"echo $$ > \"$1\" || exit {JoinFailedExitCode}; shift; exec \"$@\"", "coursekit-task-limit", JoinFile, .. command];

    /// <summary>Ends every process still in the group, then removes the group.</summary>
    public void Dispose() => KillAndRemove(_folder);

    private static void KillAndRemove(string folder)
    {
        // pids.max keeps the group from growing faster than this empties it.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var members = Members(folder);
            if (members.Count == 0 && TryRemove(folder)) return;
            foreach (var pid in members) _ = kill(pid, SigKill);
            Thread.Sleep(20);
        }
    }

    private static List<int> Members(string folder)
    {
        try
        {
            return File.ReadAllLines(Path.Combine(folder, "cgroup.procs"))
                .Select(line => int.TryParse(line, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
                .Where(pid => pid > 0).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool TryRemove(string folder)
    {
        try
        {
            // A control group is removed as a directory, though it lists files: the kernel owns them.
            if (Directory.Exists(folder)) Directory.Delete(folder);
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
            return CanJoin(parent) ? parent : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Who owns a group: its grader's pid namespace, pid and start time (containers reuse pids from run to run, and a
    // pid means nothing outside its namespace), e.g. "w4026531836.2617.2534259".
    private static string Owner(int pid) => $"w{PidNamespace}.{pid}.{StartTime(pid)}";

    // Making a group is not enough: some containers let a process make groups it cannot move processes into.
    private static bool CanJoin(string parent)
    {
        var probe = Path.Combine(parent, $"{Owner(Environment.ProcessId)}-probe");
        try
        {
            Directory.CreateDirectory(probe);
            var command = new TaskLimit(probe).Wrap(["/bin/true"]).ToList();
            var join = new System.Diagnostics.ProcessStartInfo(command[0]) { RedirectStandardError = true };
            foreach (var argument in command.Skip(1)) join.ArgumentList.Add(argument);
            using var process = System.Diagnostics.Process.Start(join)!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
        finally
        {
            KillAndRemove(probe);
        }
    }

    // Groups of graders in this pid namespace that ended without cleaning up (killed, say), with whatever their
    // workers left running. Groups of other namespaces are left alone: their owners cannot be seen from here.
    private static void RemoveAbandoned(string parent)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, $"w{PidNamespace}.*"))
        {
            var owner = Path.GetFileName(folder).Split('-')[0];
            var parts = owner.Split('.');
            if (parts.Length == 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid) && pid != Environment.ProcessId && Owner(pid) != owner)
                KillAndRemove(folder);
        }
    }

    private static readonly Lazy<string> PidNamespaceValue = new(() =>
    {
        // "/proc/self/ns/pid" links to e.g. "pid:[4026531836]".
        var target = new FileInfo("/proc/self/ns/pid").LinkTarget ?? "";
        return new string(target.Where(char.IsAsciiDigit).ToArray());
    });

    private static string PidNamespace => PidNamespaceValue.Value;

    // Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot; "" when there is no such process.
    private static string StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    [DllImport("libc")]
    private static extern int kill(int pid, int signal);
}
