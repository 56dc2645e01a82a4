using System.Net.Sockets;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The private line between the runner and one worker: a Unix socket in a folder only this user can open. The
/// worker connects to it before any notebook code runs, and the runner then deletes it, so nothing else can
/// connect. Requests and answers never travel on the worker's stdin or stdout, which notebook code can reach
/// through <see cref="Console.OpenStandardOutput()"/>: what it writes there is drained and ignored.
/// </summary>
public sealed class WorkerChannel : IDisposable
{
    public const string EnvironmentVariable = "COURSEKIT_WORKER_CHANNEL";

    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

    private WorkerChannel(string folder)
    {
        Folder = folder;
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(1);
    }

    /// <summary>The folder holding the socket; the sandbox lets the worker reach it.</summary>
    public string Folder { get; }

    public string SocketPath => Path.Combine(Folder, "channel");

    /// <summary>A new channel in a fresh folder that only this user can open.</summary>
    public static WorkerChannel Open() => new(Directory.CreateTempSubdirectory("coursekit-worker-").FullName);

    /// <summary>Waits for the worker to connect, then removes the socket so no one else can.</summary>
    public async Task<NetworkStream> AcceptAsync(CancellationToken cancel)
    {
        try
        {
            var socket = await _listener.AcceptAsync(cancel);
            return new NetworkStream(socket, ownsSocket: true);
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>In the worker: connects to the channel the runner named, and forgets its name.</summary>
    public static Stream Connect()
    {
        var path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(path))
            throw new InvalidOperationException($"The notebook worker is started by coursekit, which sets {EnvironmentVariable}; it is not meant to be run by hand.");
        Environment.SetEnvironmentVariable(EnvironmentVariable, null);
        return UnixSocketStream.TryConnect(path) ?? ManagedSocket.Connect(path);
    }

    // Apart, so that a worker connected by UnixSocketStream never loads System.Net.Sockets.
    private static class ManagedSocket
    {
        public static Stream Connect(string path)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return new NetworkStream(socket, ownsSocket: true);
        }
    }
}
