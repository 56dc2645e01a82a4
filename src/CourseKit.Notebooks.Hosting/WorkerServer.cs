using System.Reflection;
using System.Runtime.Loader;
using System.Text;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The worker's main loop: reads requests from the parent over the <see cref="WorkerChannel"/>, runs the cells
/// it compiled, writes answers. Console is redirected to the cell's output sink before any cell runs, and the
/// process's own stdin and stdout carry nothing: notebook code that opens them reaches no request and no answer.
/// </summary>
public static class WorkerServer
{
    // Synchronous on purpose: between cells the main thread sleeps in a blocking read, where thread-pool
    // threads waiting on an async read would spin and burn CPU the other workers need.
    public static int Run(Stream channel)
    {
        using var reader = new StreamReader(channel, new UTF8Encoding(false), leaveOpen: true);
        using var writer = new StreamWriter(channel, new UTF8Encoding(false)) { AutoFlush = true };
        var input = new WorkerInput(reader, writer);
        Console.SetIn(input);
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);

        CellHost? session = null;
        while (reader.ReadLine() is { } line)
        {
            WorkerResponse response;
            switch (WorkerProtocol.Deserialize<WorkerRequest>(line))
            {
                case StartNotebook start:
                    Directory.SetCurrentDirectory(start.Directory);
                    session = new CellHost();
                    response = start.Resets.Select(Reset).OfType<CellOutput.Error>().FirstOrDefault() is { } resetFailed
                        ? new WorkerResponse([resetFailed], Failed: true)
                        : new WorkerResponse([], Failed: false);
                    break;
                case RunCell cell when session is not null:
                    CellRunResult result;
                    input.Open = cell.TakesInput;
                    input.Prompt = session.TakeInputPrompt;
                    using (cell.StreamsOutputs ? new PartialOutputs(session, writer) : null)
                    {
                        try
                        {
                            result = session.RunAsync(cell.Cell).GetAwaiter().GetResult();
                        }
                        finally
                        {
                            input.Open = false;
                        }
                    }
                    response = new WorkerResponse(result.Outputs, result.Failed);
                    break;
                case ContinueCell next when session is not null:
                    input.Open = false;
                    var continued = session.ContinueAsync(next.Number).GetAwaiter().GetResult();
                    response = new WorkerResponse(continued.Outputs, continued.Failed);
                    break;
                case CallMethod call when session is not null:
                    var called = session.Call(call);
                    response = new WorkerResponse([], called is Evaluated.Failed, called);
                    break;
                case EvaluateCell evaluate when session is not null:
                    var evaluated = session.EvaluateAsync(evaluate.Cell).GetAwaiter().GetResult();
                    response = new WorkerResponse([], evaluated is Evaluated.Failed, evaluated);
                    break;
                default:
                    response = new WorkerResponse(
                        [new CellOutput.Error("ProtocolError", "A cell arrived before its notebook started.", [])], Failed: true);
                    break;
            }
            lock (writer) writer.WriteLine(WorkerProtocol.Serialize(response));
        }
        return 0;
    }

    /// <summary>
    /// Sends a running cell's outputs so far every <see cref="Interval"/>, from a thread of its own, until disposed; the
    /// answer then holds the rest. Writes to the channel are locked on its writer, which <see cref="WorkerInput"/> shares.
    /// </summary>
    private sealed class PartialOutputs : IDisposable
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
        private readonly ManualResetEventSlim _done = new();
        private readonly Thread _thread;

        public PartialOutputs(CellHost session, TextWriter writer)
        {
            _thread = new Thread(() =>
            {
                while (!_done.Wait(Interval))
                {
                    var outputs = session.TakeOutputsSoFar();
                    if (outputs.Count == 0) continue;
                    lock (writer) writer.WriteLine(WorkerProtocol.Serialize(new WorkerResponse(outputs, Failed: false, Partial: true)));
                }
            }) { IsBackground = true, Name = "partial outputs" };
            _thread.Start();
        }

        public void Dispose()
        {
            _done.Set();
            _thread.Join();
            _done.Dispose();
        }
    }

    // Kit packages load into the worker's own context, where they stay from one notebook to the next; a package
    // no notebook has loaded yet holds no state, and is not loaded for its reset.
    private static CellOutput.Error? Reset(SessionReset reset)
    {
        var assembly = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == reset.Assembly);
        if (assembly is null) return null;
        var method = assembly.GetType(reset.Type)?.GetMethod(reset.Method, BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes);
        if (method is null)
        {
            var message = $"the session reset {reset.Type}.{reset.Method}() is not in {reset.Assembly}.";
            return new CellOutput.Error("SessionResetMissing", message, [message]);
        }
        try
        {
            method.Invoke(null, null);
            return null;
        }
        catch (TargetInvocationException error)
        {
            var message = $"the session reset {reset.Type}.{reset.Method}() raised {error.InnerException?.GetType().Name}: {error.InnerException?.Message}";
            return new CellOutput.Error("SessionResetFailed", message, [message]);
        }
    }
}
