using System.Text.Json;
using System.Text.Json.Serialization;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// A request to a <see cref="CompilerProcess"/>: ready the compiler, compile one cell of a chain, or forget a chain.
/// Requests of different chains are served at the same time; the answer carries the request's <c>Id</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(WarmUpCompiler), "warm")]
[JsonDerivedType(typeof(CompileCell), "compile")]
[JsonDerivedType(typeof(CloseChain), "close")]
public abstract record CompilerRequest;

/// <summary>Compiles a small cell, so the compiler's first use (JIT) is paid before any cell's time limit runs.</summary>
public sealed record WarmUpCompiler(int Id) : CompilerRequest;

/// <summary>
/// Compiles one cell of chain <paramref name="Chain"/>, and with it as many of <paramref name="Following"/> as form a group
/// with it (<see cref="CellGroups"/>); the first request of a chain carries <paramref name="Start"/>, what
/// <see cref="CellCompiler"/> is made with.
/// </summary>
public sealed record CompileCell(int Id, int Chain, string Source, int CellNumber, ChainStart? Start, IReadOnlyList<CellSource>? Following = null) : CompilerRequest
{
    [JsonIgnore]
    public IReadOnlyList<CellSource> Cells => [new CellSource(CellNumber, Source), .. Following ?? []];
}

/// <summary>Forgets a chain whose notebook run ended; it gets no answer.</summary>
public sealed record CloseChain(int Chain) : CompilerRequest;

/// <summary>
/// What a chain is compiled against: the notebook's folder, the kit's packages by file, and what the worker may read.
/// <paramref name="Name"/> names the chain's assemblies, so a chain compiled again in a new process (after the process was
/// killed for another chain's sake) emits assemblies the worker already loaded under the same names.
/// </summary>
public sealed record ChainStart(string Name, string Directory, IReadOnlyList<PackageFiles> Packages, WorkerSandbox Sandbox);

/// <summary>A <see cref="KitPackage"/> as a compiler process loads it: its assemblies by path.</summary>
public sealed record PackageFiles(string Id, string Version, IReadOnlyList<string> Assemblies);

/// <summary>The answer to request <paramref name="Id"/>: a compiled cell or its error, as <see cref="CellCompilation"/>.</summary>
public sealed record CompilerResponse(int Id, CompiledCell? Cell, CellOutput.Error? Error, double Seconds);

/// <summary>One JSON document per line, both ways, over the compiler process's stdin and stdout.</summary>
public static class CompilerProtocol
{
    public static string Serialize<T>(T message) where T : class =>
        JsonSerializer.Serialize(message, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)CompilerJson.Default.GetTypeInfo(typeof(T))!);

    public static T Deserialize<T>(string line) where T : class =>
        JsonSerializer.Deserialize(line, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)CompilerJson.Default.GetTypeInfo(typeof(T))!)
        ?? throw new JsonException("The message was empty.");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CompilerRequest))]
[JsonSerializable(typeof(CompilerResponse))]
internal sealed partial class CompilerJson : JsonSerializerContext;
