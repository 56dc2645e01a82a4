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
        Console.SetIn(TextReader.Null);
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
                    CourseKit.Exercises.InNotebook.Checker.Reset(); // answers and hints belong to one notebook
                    response = new WorkerResponse([], Failed: false);
                    break;
                case RunCell cell when session is not null:
                    var result = session.RunAsync(cell.Cell).GetAwaiter().GetResult();
                    response = new WorkerResponse(result.Outputs, result.Failed);
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
            writer.WriteLine(WorkerProtocol.Serialize(response));
        }
        return 0;
    }
}
