namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The worker's Console.In. While a cell that takes input runs (<see cref="RunCell.TakesInput"/>), each line it reads is
/// asked of the runner over the channel, and the cell blocks until the answer comes; at any other time it is at its
/// end, so <c>Console.ReadLine()</c> gives null. Console wraps it in a synchronized reader, so one question is asked at
/// a time; the worker's main thread is then waiting for the cell and does not read the channel, and writes to it are
/// locked on its writer. What the cell wrote on the line before it asks is sent as the question's prompt, not as output.
/// </summary>
internal sealed class WorkerInput(TextReader channelIn, TextWriter channelOut) : TextReader
{
    // The rest of the last line asked for, with its line end, for Read() and Peek().
    private string _pending = "";

    public volatile bool Open;

    /// <summary>The prompt of the next question: the running cell's unfinished line of Console output.</summary>
    public Func<string> Prompt = () => "";

    public override string? ReadLine()
    {
        if (_pending.Length == 0) return Ask();
        var line = _pending.TrimEnd('\n');
        _pending = "";
        return line;
    }

    public override int Peek() => _pending.Length > 0 || Fill() ? _pending[0] : -1;

    public override int Read()
    {
        if (_pending.Length == 0 && !Fill()) return -1;
        var next = _pending[0];
        _pending = _pending[1..];
        return next;
    }

    private bool Fill()
    {
        if (Ask() is not { } line) return false;
        _pending = line + "\n";
        return true;
    }

    private string? Ask()
    {
        if (!Open) return null;
        lock (channelOut) channelOut.WriteLine(WorkerProtocol.Serialize(new WorkerResponse([], Failed: false, Input: new InputRequest(Prompt(), Password: false))));
        return channelIn.ReadLine() is { } answer && WorkerProtocol.Deserialize<WorkerRequest>(answer) is ProvideInput provided
            ? provided.Line
            : null;
    }
}
