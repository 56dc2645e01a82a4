using System.Text.Json;
using System.Text.Json.Serialization;

namespace CourseKit.Notebooks.Execution;

/// <summary>A request to the worker: start a notebook session, or run one compiled cell in it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StartNotebook), "start")]
[JsonDerivedType(typeof(RunCell), "cell")]
public abstract record WorkerRequest;

/// <summary>Starts a fresh session whose relative paths resolve against <paramref name="Directory"/>.</summary>
public sealed record StartNotebook(string Directory) : WorkerRequest;

/// <summary>Runs one cell the runner compiled.</summary>
public sealed record RunCell(CompiledCell Cell) : WorkerRequest;

/// <summary>The worker's answer to one request.</summary>
public sealed record WorkerResponse(IReadOnlyList<CellOutput> Outputs, bool Failed);

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
