using System.Text.Json;
using System.Text.Json.Serialization;

namespace CourseKit.Notebooks.Execution;

/// <summary>A request to the worker: start a notebook session, run one compiled cell in it, or evaluate one.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StartNotebook), "start")]
[JsonDerivedType(typeof(RunCell), "cell")]
[JsonDerivedType(typeof(ContinueCell), "continue")]
[JsonDerivedType(typeof(EvaluateCell), "evaluate")]
[JsonDerivedType(typeof(ProvideInput), "input")]
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
/// The worker's answer to one request. <see cref="Evaluation"/> answers an <see cref="EvaluateCell"/> and only that;
/// its value never travels in <see cref="Outputs"/>, which notebook code can write to. A response with
/// <see cref="Input"/> is not yet the answer: the running cell waits for a <see cref="ProvideInput"/>; nor is a
/// <see cref="Partial"/> one: it holds the outputs so far of a cell that still runs (see <see cref="RunCell.StreamsOutputs"/>).
/// </summary>
public sealed record WorkerResponse(IReadOnlyList<CellOutput> Outputs, bool Failed, Evaluated? Evaluation = null, InputRequest? Input = null,
    bool Partial = false);

/// <summary>A running cell reads a line of Console input (see <see cref="RunCell.TakesInput"/>).</summary>
public sealed record InputRequest(string Prompt, bool Password);

/// <summary>What evaluating a cell gave: its string value, or why there is none.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Value), "value")]
[JsonDerivedType(typeof(Failed), "failed")]
public abstract record Evaluated
{
    public sealed record Value(string Text) : Evaluated;

    public sealed record Failed(string Reason) : Evaluated;
}

/// <summary>One JSON document per line, both ways.</summary>
public static class WorkerProtocol
{
    public static string Serialize<T>(T message) where T : class =>
        JsonSerializer.Serialize(message, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)WorkerJson.Default.GetTypeInfo(typeof(T))!);

    public static T Deserialize<T>(string line) where T : class =>
        JsonSerializer.Deserialize(line, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)WorkerJson.Default.GetTypeInfo(typeof(T))!)
        ?? throw new JsonException("The message was empty.");
}

// Generated at build time: a worker starts without building serializers by reflection.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorkerRequest))]
[JsonSerializable(typeof(WorkerResponse))]
internal sealed partial class WorkerJson : JsonSerializerContext;
