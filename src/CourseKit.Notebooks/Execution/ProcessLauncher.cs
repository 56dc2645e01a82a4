using System.Collections.Concurrent;
using System.Diagnostics;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Starts processes from one thread that lives as long as this process. Bubblewrap's --die-with-parent ends the
/// sandbox when the THREAD that started it ends, and thread-pool threads come and go; a worker started from one
/// would be killed at random.
/// </summary>
internal static class ProcessLauncher
{
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> Requests = new();

    static ProcessLauncher()
    {
        var thread = new Thread(() =>
        {
            foreach (var (start, started) in Requests.GetConsumingEnumerable())
            {
                try
                {
                    started.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}."));
                }
                catch (Exception error)
                {
                    started.SetException(error);
                }
            }
        })
        { IsBackground = true, Name = "CourseKit process launcher" };
        thread.Start();
    }

    public static Process Start(ProcessStartInfo start)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((start, started));
        return started.Task.GetAwaiter().GetResult();
    }
}
