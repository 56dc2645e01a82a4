using System.Runtime.InteropServices;
using System.Text;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The worker's end of its <see cref="WorkerChannel"/> on Linux: a Unix socket connected and read with the C library's
/// own calls. Hand-written because System.Net.Sockets, which does the same, costs every worker about 10 ms of CPU to
/// load and set up, an eighth of all it does for a graded notebook (bench/README.md); the channel needs nothing but
/// blocking reads and writes. Elsewhere, or when the C library is not found, <see cref="TryConnect"/> gives null and the
/// caller uses System.Net.Sockets.
/// </summary>
internal sealed unsafe class UnixSocketStream : Stream
{
    private const int AfUnix = 1;
    private const int SockStream = 1;
    private const int SockCloexec = 0x80000;
    private const int Eintr = 4;

    // sockaddr_un on Linux: a 2-byte family, then the path, NUL-terminated, in 108 bytes.
    private const int PathBytes = 108;

    private static readonly Lazy<Calls?> Libc = new(Calls.Load);

    private readonly Calls _calls;
    private int _fd;

    private UnixSocketStream(Calls calls, int fd)
    {
        _calls = calls;
        _fd = fd;
    }

    /// <summary>Connects to the socket at <paramref name="path"/>; null where this way does not apply (not Linux, no C library).</summary>
    public static Stream? TryConnect(string path)
    {
        if (!OperatingSystem.IsLinux() || Libc.Value is not { } calls) return null;
        var bytes = Encoding.UTF8.GetBytes(path);
        if (bytes.Length >= PathBytes) return null; // too long for sockaddr_un: System.Net.Sockets says why
        var fd = calls.Socket(AfUnix, SockStream | SockCloexec, 0);
        if (fd < 0) throw Failed("open a socket");
        var address = stackalloc byte[2 + PathBytes];
        new Span<byte>(address, 2 + PathBytes).Clear();
        *(ushort*)address = AfUnix;
        bytes.CopyTo(new Span<byte>(address + 2, PathBytes));
        int connected;
        do connected = calls.Connect(fd, address, 2 + bytes.Length + 1);
        while (connected < 0 && Marshal.GetLastSystemError() == Eintr);
        if (connected < 0)
        {
            var error = Failed($"connect to {path}");
            calls.Close(fd);
            throw error;
        }
        return new UnixSocketStream(calls, fd);
    }

    public override bool CanRead => _fd >= 0;
    public override bool CanWrite => _fd >= 0;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        if (buffer.IsEmpty) return 0;
        fixed (byte* bytes = buffer)
        {
            while (true)
            {
                var read = _calls.Read(_fd, bytes, buffer.Length);
                if (read >= 0) return (int)read;
                if (Marshal.GetLastSystemError() != Eintr) throw Failed("read from the runner");
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        fixed (byte* bytes = buffer)
        {
            var done = 0;
            while (done < buffer.Length)
            {
                var written = _calls.Write(_fd, bytes + done, buffer.Length - done);
                if (written >= 0) done += (int)written;
                else if (Marshal.GetLastSystemError() != Eintr) throw Failed("write to the runner");
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) _calls.Close(fd);
        base.Dispose(disposing);
    }

    private static IOException Failed(string what) =>
        new($"The worker could not {what}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastSystemError())}.");

    // The five calls, looked up once in the C library the runtime itself runs on.
    private sealed class Calls
    {
        public required delegate* unmanaged<int, int, int, int> Socket { get; init; }
        public required delegate* unmanaged<int, byte*, int, int> Connect { get; init; }
        public required delegate* unmanaged<int, byte*, nint, nint> Read { get; init; }
        public required delegate* unmanaged<int, byte*, nint, nint> Write { get; init; }
        public required delegate* unmanaged<int, int> CloseCall { get; init; }

        public void Close(int fd) => CloseCall(fd);

        public static Calls? Load()
        {
            if (!NativeLibrary.TryLoad("libc.so.6", out var libc)) return null;
            return NativeLibrary.TryGetExport(libc, "socket", out var socket)
                && NativeLibrary.TryGetExport(libc, "connect", out var connect)
                && NativeLibrary.TryGetExport(libc, "read", out var read)
                && NativeLibrary.TryGetExport(libc, "write", out var write)
                && NativeLibrary.TryGetExport(libc, "close", out var close)
                ? new Calls
                {
                    Socket = (delegate* unmanaged<int, int, int, int>)socket,
                    Connect = (delegate* unmanaged<int, byte*, int, int>)connect,
                    Read = (delegate* unmanaged<int, byte*, nint, nint>)read,
                    Write = (delegate* unmanaged<int, byte*, nint, nint>)write,
                    CloseCall = (delegate* unmanaged<int, int>)close,
                }
                : null;
        }
    }
}
