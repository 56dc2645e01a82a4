using System.Text.Json;

namespace CourseKit.Kernel;

/// <summary>The connection file Jupyter writes for a kernel: where to bind each channel and how to sign messages.</summary>
public sealed record ConnectionInfo(string Transport, string Ip, int ShellPort, int ControlPort, int IopubPort, int StdinPort,
    int HeartbeatPort, string Key, string SignatureScheme)
{
    public string Address(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";

    /// <summary>Reads and checks a connection file; throws <see cref="KernelStartException"/> naming what is wrong.</summary>
    public static ConnectionInfo Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new KernelStartException($"cannot read the connection file {path}: {error.Message}");
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new KernelStartException($"the connection file {path} is not a JSON object.");
            var scheme = Text(root, "signature_scheme", "hmac-sha256");
            if (scheme != "hmac-sha256")
                throw new KernelStartException($"the connection file {path} asks for signature scheme '{scheme}'; the kernel signs with hmac-sha256.");
            var transport = Text(root, "transport", "tcp");
            if (transport is not ("tcp" or "ipc"))
                throw new KernelStartException($"the connection file {path} names transport '{transport}'; the kernel speaks tcp and ipc.");
            return new ConnectionInfo(transport, Text(root, "ip", "127.0.0.1"),
                Port(root, "shell_port", path), Port(root, "control_port", path), Port(root, "iopub_port", path),
                Port(root, "stdin_port", path), Port(root, "hb_port", path), Text(root, "key", ""), scheme);
        }
        catch (JsonException error)
        {
            throw new KernelStartException($"the connection file {path} is not valid JSON: {error.Message}");
        }
    }

    private static string Text(JsonElement root, string name, string fallback) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : fallback;

    // Jupyter picks the ports and writes them here; binding exactly these is what keeps two kernels from clashing.
    private static int Port(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var port) && port is > 0 and < 65536
            ? port
            : throw new KernelStartException($"the connection file {path} has no valid {name}.");
}

/// <summary>The kernel cannot start: a bad connection file, or a port it cannot bind.</summary>
public sealed class KernelStartException(string message) : Exception(message);
