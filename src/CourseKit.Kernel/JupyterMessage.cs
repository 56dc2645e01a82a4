using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NetMQ;

namespace CourseKit.Kernel;

/// <summary>One message of the Jupyter messaging protocol, with the routing identities it came with.</summary>
public sealed record JupyterMessage(IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader,
    JsonObject Metadata, JsonObject Content)
{
    public const string ProtocolVersion = "5.3";
    private const string Delimiter = "<IDS|MSG>";

    public string Type => (string?)Header["msg_type"] ?? "";

    public string Id => (string?)Header["msg_id"] ?? "";

    /// <summary>A new message answering <paramref name="parent"/>, from the kernel's <paramref name="session"/>.</summary>
    public static JupyterMessage Reply(JupyterMessage? parent, string session, string type, JsonObject content) =>
        new(parent?.Identities ?? [], NewHeader(session, type),
            parent is null ? [] : (JsonObject)parent.Header.DeepClone(), [], content);

    private static JsonObject NewHeader(string session, string type) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = "kernel",
        ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
        ["msg_type"] = type,
        ["version"] = ProtocolVersion,
    };

    /// <summary>The frames on the wire: identities (or the iopub topic), delimiter, signature, the four JSON parts.</summary>
    public NetMQMessage ToWire(MessageSigner signer, string? topic = null)
    {
        var parts = new[] { Header, ParentHeader, Metadata, Content }.Select(p => Encoding.UTF8.GetBytes(p.ToJsonString())).ToArray();
        var wire = new NetMQMessage();
        if (topic is not null) wire.Append(topic);
        else foreach (var identity in Identities) wire.Append(identity);
        wire.Append(Delimiter);
        wire.Append(signer.Sign(parts));
        foreach (var part in parts) wire.Append(part);
        return wire;
    }

    /// <summary>Reads a message off the wire; throws <see cref="BadMessageException"/> saying why it cannot.</summary>
    public static JupyterMessage FromWire(NetMQMessage wire, MessageSigner signer)
    {
        var frames = wire.Select(f => f.ToByteArray()).ToList();
        var delimiter = frames.FindIndex(f => Encoding.UTF8.GetString(f) == Delimiter);
        if (delimiter < 0) throw new BadMessageException("the message has no <IDS|MSG> delimiter.");
        if (frames.Count < delimiter + 6) throw new BadMessageException("the message has fewer than the five frames after its delimiter.");
        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        var parts = frames.GetRange(delimiter + 2, 4).ToArray();
        if (!signer.Verify(signature, parts)) throw new BadMessageException("the message's signature does not match the connection key; it was dropped.");
        return new JupyterMessage(frames.GetRange(0, delimiter), Object(parts[0], "header"), Object(parts[1], "parent_header"),
            Object(parts[2], "metadata"), Object(parts[3], "content"));
    }

    private static JsonObject Object(byte[] json, string name)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new BadMessageException($"the message's {name} is not a JSON object.");
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new BadMessageException($"the message's {name} is not valid JSON: {error.Message}");
        }
    }
}

/// <summary>A message the kernel drops: the reason is logged, and the kernel goes on.</summary>
public sealed class BadMessageException(string message) : Exception(message);

/// <summary>HMAC-SHA256 over a message's four JSON parts, with the connection file's key; an empty key signs nothing.</summary>
public sealed class MessageSigner(string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (_key.Length == 0) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var part in parts) hmac.AppendData(part);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    public bool Verify(string signature, IReadOnlyList<byte[]> parts)
    {
        if (_key.Length == 0) return true;
        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
