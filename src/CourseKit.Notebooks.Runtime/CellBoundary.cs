using System.ComponentModel;

namespace CourseKit.Notebooks.Runtime;

/// <summary>
/// Where one cell ends and the next begins when the runner compiled several cells as one assembly (a cell group):
/// the group awaits <see cref="NextAsync"/> between its cells, and the worker answers the cell that ended there before
/// it lets the next one run. Outside a running group it returns at once.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CellBoundary
{
    /// <summary>Set by the worker while a cell group runs; what the group awaits between two of its cells.</summary>
    public static Func<Task>? Reached { get; set; }

    public static Task NextAsync() => Reached?.Invoke() ?? Task.CompletedTask;

    /// <summary>
    /// Set by the worker while a cell group runs: what the group calls when one of its cells (but the first) begins, so the
    /// cell starts with the async locals a cell compiled on its own starts with, not those the cell before it set.
    /// </summary>
    public static Action? Entered { get; set; }

    public static void Enter() => Entered?.Invoke();
}
