using System.Text.Json;

namespace CourseKit.Notebooks.Execution;

/// <summary>A request to the worker: start a notebook session, run one compiled cell in it, or evaluate one.</summary>
/// <remarks>On the wire each request is an object whose "kind" names it (<see cref="WorkerProtocol"/>).</remarks>
public abstract record WorkerRequest;

/// <summary>
/// Starts a fresh session whose relative paths resolve against <paramref name="Directory"/>, first calling each of
/// <paramref name="Resets"/> whose assembly is loaded, so nothing an earlier notebook left in a package's static state
/// reaches this one.
/// </summary>
public sealed record StartNotebook(string Directory, IReadOnlyList<SessionReset> Resets) : WorkerRequest;

/// <summary>A package's public static method without parameters that forgets one notebook's state (see <see cref="KitPackage.SessionReset"/>).</summary>
public sealed record SessionReset(string Assembly, string Type, string Method);

/// <summary>
/// Runs one cell the runner compiled. With <paramref name="TakesInput"/>, each line the cell reads from Console.In is
/// asked of the runner (<see cref="WorkerResponse.Input"/>); without it Console.In is at its end, so
/// <c>Console.ReadLine()</c> gives null, as it always does in <c>coursekit run</c>. With <paramref name="StreamsOutputs"/>,
/// the outputs so far are sent while the cell runs (<see cref="WorkerResponse.Partial"/>), and the answer holds the rest.
/// </summary>
public sealed record RunCell(CompiledCell Cell, bool TakesInput = false, bool StreamsOutputs = false) : WorkerRequest;

/// <summary>
/// Runs cell <paramref name="Number"/> of the cell group that is running (see <see cref="CompiledCell.Group"/>): the group
/// goes on from the end of the cell before it to the end of this one.
/// </summary>
public sealed record ContinueCell(int Number) : WorkerRequest;

/// <summary>The runner's answer to <see cref="WorkerResponse.Input"/>: the line to read, or null for end of input.</summary>
public sealed record ProvideInput(string? Line) : WorkerRequest;

/// <summary>
/// Runs one compiled cell in the session for its value, as Jupyter's <c>user_expressions</c> do: the value comes back
/// as data in <see cref="WorkerResponse.Evaluation"/>, and whatever the cell writes or displays is discarded.
/// </summary>
public sealed record EvaluateCell(CompiledCell Cell) : WorkerRequest;

/// <summary>
/// Evaluates, as <see cref="EvaluateCell"/> does, a call of a package's public static method that takes one string and
/// returns one: <paramref name="Type"/>.<paramref name="Method"/>(<paramref name="Argument"/>) in the assembly named
/// <paramref name="Assembly"/>, loaded as a <c>#r</c> of the package would load it. Nothing is compiled for it.
/// </summary>
public sealed record CallMethod(string Assembly, string Type, string Method, string Argument) : WorkerRequest;

/// <summary>
/// The worker's answer to one request. <see cref="Evaluation"/> answers an <see cref="EvaluateCell"/> or a <see cref="CallMethod"/> and only those;
/// its value never travels in <see cref="Outputs"/>, which notebook code can write to. A response with
/// <see cref="Input"/> is not yet the answer: the running cell waits for a <see cref="ProvideInput"/>; nor is a
/// <see cref="Partial"/> one: it holds the outputs so far of a cell that still runs (see <see cref="RunCell.StreamsOutputs"/>).
/// </summary>
public sealed record WorkerResponse(IReadOnlyList<CellOutput> Outputs, bool Failed, Evaluated? Evaluation = null, InputRequest? Input = null,
    bool Partial = false);

/// <summary>A running cell reads a line of Console input (see <see cref="RunCell.TakesInput"/>).</summary>
public sealed record InputRequest(string Prompt, bool Password);

/// <summary>What evaluating a cell gave: its string value, or why there is none.</summary>
public abstract record Evaluated
{
    public sealed record Value(string Text) : Evaluated;

    public sealed record Failed(string Reason) : Evaluated;
}

/// <summary>
/// One JSON document per line, both ways, read and written with System.Text.Json's reader and writer. Not its
/// serializer: a worker is a fresh process per submission, and building the serializer's metadata for these types
/// JIT-compiled about a hundred generic methods in every worker, a fifth of its CPU (bench/README.md).
/// </summary>
public static class WorkerProtocol
{
    public static string Serialize<T>(T message) where T : class
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            switch (message)
            {
                case WorkerRequest request:
                    Write(json, request);
                    break;
                case WorkerResponse response:
                    Write(json, response);
                    break;
                default:
                    throw new ArgumentException($"{typeof(T).Name} is not a worker message.", nameof(message));
            }
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <exception cref="JsonException">The line is not such a message.</exception>
    public static T Deserialize<T>(string line) where T : class
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            object message = typeof(T) == typeof(WorkerRequest) ? ReadRequest(root)
                : typeof(T) == typeof(WorkerResponse) ? ReadResponse(root)
                : throw new ArgumentException($"{typeof(T).Name} is not a worker message.");
            return (T)message;
        }
        catch (Exception error) when (error is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new JsonException($"The message is not a worker message: {error.Message}", error);
        }
    }

    private static void Write(Utf8JsonWriter json, WorkerRequest request)
    {
        json.WriteStartObject();
        switch (request)
        {
            case StartNotebook start:
                json.WriteString("kind", "start");
                json.WriteString("directory", start.Directory);
                json.WriteStartArray("resets");
                foreach (var reset in start.Resets)
                {
                    json.WriteStartObject();
                    json.WriteString("assembly", reset.Assembly);
                    json.WriteString("type", reset.Type);
                    json.WriteString("method", reset.Method);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                break;
            case RunCell run:
                json.WriteString("kind", "cell");
                json.WritePropertyName("cell");
                Write(json, run.Cell);
                json.WriteBoolean("takesInput", run.TakesInput);
                json.WriteBoolean("streamsOutputs", run.StreamsOutputs);
                break;
            case ContinueCell next:
                json.WriteString("kind", "continue");
                json.WriteNumber("number", next.Number);
                break;
            case ProvideInput input:
                json.WriteString("kind", "input");
                json.WriteString("line", input.Line);
                break;
            case EvaluateCell evaluate:
                json.WriteString("kind", "evaluate");
                json.WritePropertyName("cell");
                Write(json, evaluate.Cell);
                break;
            case CallMethod call:
                json.WriteString("kind", "call");
                json.WriteString("assembly", call.Assembly);
                json.WriteString("type", call.Type);
                json.WriteString("method", call.Method);
                json.WriteString("argument", call.Argument);
                break;
            default:
                throw new ArgumentException($"{request.GetType().Name} is not a worker request.", nameof(request));
        }
        json.WriteEndObject();
    }

    private static WorkerRequest ReadRequest(JsonElement json) => Text(json, "kind") switch
    {
        "start" => new StartNotebook(Text(json, "directory"), [.. json.GetProperty("resets").EnumerateArray()
            .Select(r => new SessionReset(Text(r, "assembly"), Text(r, "type"), Text(r, "method")))]),
        "cell" => new RunCell(ReadCell(json.GetProperty("cell")), json.GetProperty("takesInput").GetBoolean(), json.GetProperty("streamsOutputs").GetBoolean()),
        "continue" => new ContinueCell(json.GetProperty("number").GetInt32()),
        "input" => new ProvideInput(json.GetProperty("line").GetString()),
        "evaluate" => new EvaluateCell(ReadCell(json.GetProperty("cell"))),
        "call" => new CallMethod(Text(json, "assembly"), Text(json, "type"), Text(json, "method"), Text(json, "argument")),
        var kind => throw new FormatException($"unknown request kind '{kind}'"),
    };

    private static void Write(Utf8JsonWriter json, CompiledCell cell)
    {
        json.WriteStartObject();
        json.WriteNumber("number", cell.Number);
        if (cell.Assembly is { } assembly) json.WriteBase64String("assembly", assembly);
        if (cell.Symbols is { } symbols) json.WriteBase64String("symbols", symbols);
        json.WriteString("entryType", cell.EntryType);
        json.WriteString("entryMethod", cell.EntryMethod);
        json.WriteBoolean("showsResult", cell.ShowsResult);
        WriteStrings(json, "loadPaths", cell.LoadPaths);
        if (cell.Group is { } group)
        {
            json.WriteStartArray("group");
            foreach (var number in group) json.WriteNumberValue(number);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static CompiledCell ReadCell(JsonElement json) => new(
        json.GetProperty("number").GetInt32(),
        json.TryGetProperty("assembly", out var assembly) ? assembly.GetBytesFromBase64() : null,
        json.TryGetProperty("symbols", out var symbols) ? symbols.GetBytesFromBase64() : null,
        Text(json, "entryType"),
        Text(json, "entryMethod"),
        json.GetProperty("showsResult").GetBoolean(),
        Strings(json.GetProperty("loadPaths")),
        json.TryGetProperty("group", out var group) ? [.. group.EnumerateArray().Select(n => n.GetInt32())] : null);

    private static void Write(Utf8JsonWriter json, WorkerResponse response)
    {
        json.WriteStartObject();
        json.WriteStartArray("outputs");
        foreach (var output in response.Outputs) Write(json, output);
        json.WriteEndArray();
        json.WriteBoolean("failed", response.Failed);
        var (type, name, text) = response.Evaluation switch
        {
            Evaluated.Value value => ("value", "text", value.Text),
            Evaluated.Failed failed => ("failed", "reason", failed.Reason),
            _ => default((string?, string, string)),
        };
        if (type is not null)
        {
            json.WriteStartObject("evaluation");
            json.WriteString("type", type);
            json.WriteString(name, text);
            json.WriteEndObject();
        }
        if (response.Input is { } input)
        {
            json.WriteStartObject("input");
            json.WriteString("prompt", input.Prompt);
            json.WriteBoolean("password", input.Password);
            json.WriteEndObject();
        }
        if (response.Partial) json.WriteBoolean("partial", true);
        json.WriteEndObject();
    }

    private static WorkerResponse ReadResponse(JsonElement json) => new(
        [.. json.GetProperty("outputs").EnumerateArray().Select(ReadOutput)],
        json.GetProperty("failed").GetBoolean(),
        json.TryGetProperty("evaluation", out var evaluation) ? Text(evaluation, "type") switch
        {
            "value" => new Evaluated.Value(Text(evaluation, "text")),
            "failed" => new Evaluated.Failed(Text(evaluation, "reason")),
            var type => throw new FormatException($"unknown evaluation type '{type}'"),
        } : null,
        json.TryGetProperty("input", out var input) ? new InputRequest(Text(input, "prompt"), input.GetProperty("password").GetBoolean()) : null,
        json.TryGetProperty("partial", out var partial) && partial.GetBoolean());

    private static void Write(Utf8JsonWriter json, CellOutput output)
    {
        json.WriteStartObject();
        switch (output)
        {
            case CellOutput.Stream stream:
                json.WriteString("type", "stream");
                json.WriteString("name", stream.Name);
                json.WriteString("text", stream.Text);
                break;
            case CellOutput.Display display:
                json.WriteString("type", "display");
                json.WriteStartObject("data");
                foreach (var (mime, content) in display.Data) json.WriteString(mime, content);
                json.WriteEndObject();
                json.WriteBoolean("isResult", display.IsResult);
                break;
            case CellOutput.Error error:
                json.WriteString("type", "error");
                json.WriteString("name", error.Name);
                json.WriteString("value", error.Value);
                WriteStrings(json, "traceback", error.Traceback);
                break;
        }
        json.WriteEndObject();
    }

    private static CellOutput ReadOutput(JsonElement json) => Text(json, "type") switch
    {
        "stream" => new CellOutput.Stream(Text(json, "name"), Text(json, "text")),
        "display" => new CellOutput.Display(json.GetProperty("data").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? ""),
            json.GetProperty("isResult").GetBoolean()),
        "error" => new CellOutput.Error(Text(json, "name"), Text(json, "value"), Strings(json.GetProperty("traceback"))),
        var type => throw new FormatException($"unknown output type '{type}'"),
    };

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetString() ?? "")];

    private static string Text(JsonElement json, string name) =>
        json.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");
}
