using System.Text.Json.Nodes;
using CourseKit.Notebooks.Execution;
using NetMQ;
using NetMQ.Sockets;

namespace CourseKit.Kernel;

/// <summary>
/// The Jupyter kernel process: binds the connection file's five channels and serves the messaging protocol, one loop
/// (and thread) per channel as small kernels such as xeus and evcxr do. Shell requests run one at a time and each is
/// wrapped in busy/idle on iopub; control (interrupt, shutdown) is served while a cell runs, and the cell's outputs are
/// published as the worker sends them. Notebook code never runs
/// here: <see cref="KernelSession"/> sends it to a worker process. The stdin channel has no loop of its own: it is
/// read only while a running cell waits for the front end's <c>input_reply</c>, as in ipykernel.
/// </summary>
public sealed class KernelServer : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly ConnectionInfo _connection;
    private readonly MessageSigner _signer;
    private readonly TextWriter _log;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly object _iopubGate = new();
    private readonly object _stdinGate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly RouterSocket _shell = new();
    private readonly RouterSocket _control = new();
    private readonly RouterSocket _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly KernelSession _kernel;
    private readonly CodeIntelligence _intelligence;
    private readonly List<JsonObject> _history = [];
    private int _executionCount;
    private bool _abortQueued;
    private int _cellNumber;

    public KernelServer(ConnectionInfo connection, TextWriter log)
    {
        _connection = connection;
        _signer = new MessageSigner(connection.Key);
        _log = log;
        try
        {
            _shell.Bind(connection.Address(connection.ShellPort));
            _control.Bind(connection.Address(connection.ControlPort));
            _stdin.Bind(connection.Address(connection.StdinPort));
            _iopub.Bind(connection.Address(connection.IopubPort));
            _heartbeat.Bind(connection.Address(connection.HeartbeatPort));
        }
        catch (NetMQException error)
        {
            Dispose();
            throw new KernelStartException($"cannot bind the connection file's ports on {connection.Ip}: {error.Message}");
        }
        _kernel = new KernelSession(Directory.GetCurrentDirectory(), CourseKit.Checking.CoursePackages.All);
        _intelligence = new CodeIntelligence(() => _kernel.Compiler);
    }

    /// <summary>Serves until a shutdown request; returns the process's exit code.</summary>
    public int Run()
    {
        var threads = new[]
        {
            new Thread(() => Loop(_heartbeat, Echo)) { Name = "heartbeat", IsBackground = true },
            new Thread(() => Loop(_control, wire => Serve(_control, wire, control: true))) { Name = "control", IsBackground = true },
            new Thread(() => Loop(_shell, wire => Serve(_shell, wire, control: false)), 16 * 1024 * 1024) { Name = "shell", IsBackground = true },
        };
        foreach (var thread in threads) thread.Start();
        Publish(null, "status", new JsonObject { ["execution_state"] = "starting" });
        _stop.Token.WaitHandle.WaitOne();
        foreach (var thread in threads) thread.Join(TimeSpan.FromSeconds(2));
        _kernel.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        return 0;
    }

    /// <summary>Ends <see cref="Run"/> as a shutdown request would; used on SIGINT/SIGTERM.</summary>
    public void Stop() => _stop.Cancel();

    /// <summary>Interrupts the running cell, as an interrupt request would.</summary>
    public void Interrupt() => _kernel.Interrupt();

    private void Loop(NetMQSocket socket, Action<NetMQMessage> handle)
    {
        while (!_stop.IsCancellationRequested)
        {
            var wire = new NetMQMessage();
            try
            {
                if (!socket.TryReceiveMultipartMessage(Poll, ref wire)) continue;
                handle(wire);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                if (_stop.IsCancellationRequested) return;
                // One bad request must not end the kernel: it is logged and the loop goes on.
                Log($"error on the {Thread.CurrentThread.Name} channel: {error.GetType().Name}: {error.Message}");
            }
        }
    }

    private void Echo(NetMQMessage wire) => _heartbeat.SendMultipartMessage(wire);

    private void Serve(NetMQSocket socket, NetMQMessage wire, bool control)
    {
        JupyterMessage request;
        try
        {
            request = JupyterMessage.FromWire(wire, _signer);
        }
        catch (BadMessageException error)
        {
            Log($"dropped a message on the {(control ? "control" : "shell")} channel: {error.Message}");
            return;
        }
        Answer(socket, request, abort: false);
        var abortQueued = _abortQueued;
        _abortQueued = false;
        if (control || !abortQueued) return;
        // stop_on_error: the execute requests queued while the failed cell ran are answered "aborted", as ipykernel
        // answers them, so a notebook stops at its first error; other requests are served.
        NetMQMessage? next = null;
        while (socket.TryReceiveMultipartMessage(TimeSpan.Zero, ref next))
        {
            try
            {
                var queued = JupyterMessage.FromWire(next!, _signer);
                Answer(socket, queued, abort: queued.Type == "execute_request");
            }
            catch (BadMessageException error)
            {
                Log($"dropped a message on the shell channel: {error.Message}");
            }
            next = null;
        }
    }

    private void Answer(NetMQSocket socket, JupyterMessage request, bool abort)
    {
        Publish(request, "status", new JsonObject { ["execution_state"] = "busy" });
        try
        {
            if (abort) Reply(socket, request, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount });
            else Handle(socket, request);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            Log($"could not answer {request.Type} {request.Id}: {error.GetType().Name}: {error.Message}");
        }
        finally
        {
            Publish(request, "status", new JsonObject { ["execution_state"] = "idle" });
        }
    }

    private void Handle(NetMQSocket socket, JupyterMessage request)
    {
        var content = request.Content;
        switch (request.Type)
        {
            case "kernel_info_request":
                Reply(socket, request, "kernel_info_reply", KernelInfo.Content());
                break;
            case "execute_request":
                Execute(socket, request);
                break;
            case "is_complete_request":
                var status = CodeCompleteness.Of((string?)content["code"] ?? "");
                var answer = new JsonObject { ["status"] = status };
                if (status == "incomplete") answer["indent"] = "";
                Reply(socket, request, "is_complete_reply", answer);
                break;
            case "complete_request":
                Reply(socket, request, "complete_reply", _intelligence.Complete((string?)content["code"] ?? "", CursorPosition(content)));
                break;
            case "inspect_request":
                Reply(socket, request, "inspect_reply", _intelligence.Inspect((string?)content["code"] ?? "", CursorPosition(content)));
                break;
            case "history_request":
                Reply(socket, request, "history_reply", History(content));
                break;
            case "comm_info_request":
                Reply(socket, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "interrupt_request":
                _kernel.Interrupt();
                Reply(socket, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                var restart = content["restart"] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
                _kernel.Interrupt();
                Reply(socket, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
                // The client restarts the kernel by starting a new process; this one ends either way.
                _stop.Cancel();
                break;
            default:
                Log($"ignored a {request.Type} message: the kernel does not handle it.");
                break;
        }
    }

    private void Execute(NetMQSocket socket, JupyterMessage request)
    {
        var content = request.Content;
        var code = (string?)content["code"] ?? "";
        var silent = content["silent"] is JsonValue s && s.TryGetValue<bool>(out var quiet) && quiet;
        var storeHistory = !silent && (content["store_history"] is not JsonValue h || !h.TryGetValue<bool>(out var store) || store);
        if (storeHistory) _executionCount++;
        var count = _executionCount;
        var cellNumber = ++_cellNumber;
        if (!silent)
            Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });

        var allowStdin = Flag(content, "allow_stdin");
        var readWithoutStdin = false;
        var result = string.IsNullOrWhiteSpace(code)
            ? new KernelExecution([], Failed: false)
            : _kernel.ExecuteAsync(code, cellNumber, (asked, cancel) =>
            {
                if (allowStdin)
                    return Task.Factory.StartNew(() => ReadInput(request, asked, cancel), cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                readWithoutStdin = true;
                return Task.FromResult<string?>(null);
            }, silent ? null : outputs => PublishOutputs(request, outputs, count)).GetAwaiter().GetResult();
        if (readWithoutStdin) result = WithNote(result, NoStdin);
        if (storeHistory) _history.Add(new JsonObject { ["line"] = count, ["input"] = code });

        if (!silent) PublishOutputs(request, result.Outputs, count);

        var error = result.Outputs.OfType<CellOutput.Error>().LastOrDefault();
        var reply = result.Failed && error is not null
            ? new JsonObject
            {
                ["status"] = "error",
                ["execution_count"] = count,
                ["ename"] = error.Name,
                ["evalue"] = error.Value,
                ["traceback"] = new JsonArray(error.Traceback.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
            }
            : new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = count,
                ["payload"] = new JsonArray(),
                ["user_expressions"] = new JsonObject(),
            };
        Reply(socket, request, "execute_reply", reply);
        _abortQueued = result.Failed && (content["stop_on_error"] is not JsonValue stop || !stop.TryGetValue<bool>(out var stops) || stops);
    }

    private void PublishOutputs(JupyterMessage request, IReadOnlyList<CellOutput> outputs, int count)
    {
        foreach (var output in outputs)
            Publish(request, OutputMessages.Type(output), OutputMessages.Content(output, count));
    }

    public const string NoStdin =
        "Console.ReadLine() read end of input (null): this front end does not send input to the kernel (the execute request's allow_stdin is false, as in nbconvert).\n";

    // The note goes after what the cell printed, before the error that ended it, if any.
    private static KernelExecution WithNote(KernelExecution result, string note)
    {
        var outputs = result.Outputs.ToList();
        var at = outputs.Count > 0 && outputs[^1] is CellOutput.Error ? outputs.Count - 1 : outputs.Count;
        outputs.Insert(at, new CellOutput.Stream("stderr", note));
        return result with { Outputs = outputs };
    }

    /// <summary>
    /// Asks the front end for a line on the stdin channel, addressed as the execute request was (jupyter_client gives
    /// its shell and stdin sockets one identity), and waits for the <c>input_reply</c>. An input_reply carries no
    /// parent, so, as ipykernel does, what was left on the channel is dropped before asking.
    /// </summary>
    private string? ReadInput(JupyterMessage request, InputRequest asked, CancellationToken cancel)
    {
        lock (_stdinGate)
        {
            var wire = new NetMQMessage();
            while (_stdin.TryReceiveMultipartMessage(TimeSpan.Zero, ref wire))
                Log("dropped a message on the stdin channel that came while no cell was asking for input.");
            var ask = JupyterMessage.Reply(request, _session, "input_request",
                new JsonObject { ["prompt"] = asked.Prompt, ["password"] = asked.Password });
            _stdin.SendMultipartMessage(ask.ToWire(_signer));
            while (!_stop.IsCancellationRequested)
            {
                cancel.ThrowIfCancellationRequested();
                if (!_stdin.TryReceiveMultipartMessage(Poll, ref wire)) continue;
                JupyterMessage reply;
                try
                {
                    reply = JupyterMessage.FromWire(wire, _signer);
                }
                catch (BadMessageException error)
                {
                    Log($"dropped a message on the stdin channel: {error.Message}");
                    continue;
                }
                if (reply.Type == "input_reply")
                {
                    if (reply.Content["value"] is JsonValue value && value.TryGetValue<string>(out var line)) return line;
                    Log("an input_reply had no text value; the cell reads an empty line.");
                    return "";
                }
                Log($"ignored a {reply.Type} message on the stdin channel: it expects an input_reply.");
            }
            throw new OperationCanceledException("the kernel is shutting down.");
        }
    }

    // History of this kernel's session (number 0): "tail", "range" and "search" (a glob, as IPython's).
    private JsonObject History(JsonObject content)
    {
        var output = Flag(content, "output");
        var type = (string?)content["hist_access_type"] ?? "tail";
        var n = content["n"] is JsonValue v && v.TryGetValue<int>(out var last) ? last : _history.Count;
        IEnumerable<JsonObject> entries = _history;
        switch (type)
        {
            case "range":
                var start = content["start"] is JsonValue a && a.TryGetValue<int>(out var from) ? from : 0;
                var stop = content["stop"] is JsonValue b && b.TryGetValue<int>(out var to) ? to : int.MaxValue;
                entries = entries.Where(e => (int)e["line"]! >= start && (int)e["line"]! < stop);
                break;
            case "search":
                var pattern = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape((string?)content["pattern"] ?? "*")
                    .Replace(@"\*", ".*").Replace(@"\?", ".") + "$", System.Text.RegularExpressions.RegexOptions.Singleline);
                entries = entries.Where(e => pattern.IsMatch((string?)e["input"] ?? ""));
                if (Flag(content, "unique"))
                    entries = entries.Reverse().DistinctBy(e => (string?)e["input"]).Reverse();
                entries = entries.TakeLast(n);
                break;
            default:
                entries = entries.TakeLast(n);
                break;
        }
        var rows = entries.Select(e => (JsonNode)new JsonArray(
            0, (int)e["line"]!, output ? new JsonArray((string?)e["input"], null) : (string?)e["input"])).ToArray();
        return new JsonObject { ["status"] = "ok", ["history"] = new JsonArray(rows) };
    }

    private static bool Flag(JsonObject content, string name) => content[name] is JsonValue v && v.TryGetValue<bool>(out var flag) && flag;

    // Protocol 5.2+ counts the cursor in Unicode code points; .NET strings count UTF-16 units.
    private static int CursorPosition(JsonObject content)
    {
        var code = (string?)content["code"] ?? "";
        var points = content["cursor_pos"] is JsonValue v && v.TryGetValue<int>(out var p) ? p : code.Length;
        return TextPositions.ToUtf16(code, points);
    }

    private void Reply(NetMQSocket socket, JupyterMessage request, string type, JsonObject content) =>
        socket.SendMultipartMessage(JupyterMessage.Reply(request, _session, type, content).ToWire(_signer));

    private void Publish(JupyterMessage? parent, string type, JsonObject content)
    {
        var message = JupyterMessage.Reply(parent, _session, type, content);
        var wire = message.ToWire(_signer, topic: $"kernel.{_session}.{type}");
        lock (_iopubGate) _iopub.SendMultipartMessage(wire);
    }

    private void Log(string line)
    {
        lock (_log) _log.WriteLine($"coursekit kernel: {line}");
    }

    public void Dispose()
    {
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
        {
            try { socket.Dispose(); } catch (NetMQException) { }
        }
    }
}
