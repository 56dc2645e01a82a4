using System.Buffers.Binary;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The native libraries the .NET runtime needs from the operating system: the folder holding the C library this
/// process loaded (on Debian <c>/usr/lib/x86_64-linux-gnu</c>, where libstdc++, ICU and OpenSSL are too), and the
/// dynamic loader named in the host program, reached through the same symbolic links as outside (e.g.
/// <c>/lib64 → usr/lib64</c>), since the loader's path is written into every program.
/// </summary>
public sealed record SystemLibraries(IReadOnlyList<string> Folders, IReadOnlyList<SymbolicLink> Links, string? Loader)
{
    public static SystemLibraries For(string program)
    {
        var folders = LoadedCLibrary() is { } libc ? new[] { Path.GetDirectoryName(libc)! } : [];
        var interpreter = ElfInterpreter(program);
        if (interpreter is null) return new SystemLibraries(folders, [], null);
        var (links, real) = SymbolicLink.Chain(interpreter);
        return new SystemLibraries(folders, links, real);
    }

    // Where the C library this process runs on was loaded from: the real path, as the kernel mapped it.
    private static string? LoadedCLibrary()
    {
        try
        {
            return File.ReadLines("/proc/self/maps")
                .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
                .Where(fields => fields.Length == 6)
                .Select(fields => fields[5].Trim())
                .FirstOrDefault(path => Path.GetFileName(path) is var name && (name == "libc.so.6" || name.StartsWith("libc-", StringComparison.Ordinal) || name.StartsWith("ld-musl", StringComparison.Ordinal)));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The program interpreter (<c>PT_INTERP</c>) of a 64-bit little-endian ELF program, such as the dotnet host; null
    /// for anything else. The BCL reads no ELF headers, and this needs only the program headers, so it is done by hand.
    /// </summary>
    public static string? ElfInterpreter(string program)
    {
        const int ProgramInterpreter = 3;
        try
        {
            var bytes = File.ReadAllBytes(program);
            if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F'
                || bytes[4] != 2 /* 64-bit */ || bytes[5] != 1 /* little-endian */)
                return null;
            var headers = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0x20));
            int size = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x36));
            int count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x38));
            for (var i = 0; i < count; i++)
            {
                var header = headers + (long)i * size;
                if (header + 0x28 > bytes.Length) return null;
                if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)header)) != ProgramInterpreter) continue;
                var offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan((int)header + 0x08));
                var length = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan((int)header + 0x20));
                if (offset + length > bytes.Length) return null;
                return System.Text.Encoding.ASCII.GetString(bytes, (int)offset, (int)length).TrimEnd('\0');
            }
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

/// <summary>A symbolic link as the sandbox recreates it: at <see cref="Path"/>, pointing to <see cref="Target"/> as written.</summary>
public sealed record SymbolicLink(string Path, string Target)
{
    private const int MaxLinks = 40;

    /// <summary>Every link met on the way to <paramref name="path"/>, and the real path it leads to.</summary>
    public static (IReadOnlyList<SymbolicLink> Links, string Real) Chain(string path)
    {
        var links = new List<SymbolicLink>();
        var real = Resolve(System.IO.Path.GetFullPath(path), links);
        return (links, real);
    }

    private static string Resolve(string full, List<SymbolicLink> links)
    {
        var current = "/";
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = System.IO.Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (links.Count >= MaxLinks) throw new IOException($"Too many symbolic links in {full}.");
                links.Add(new SymbolicLink(next, target));
                next = Resolve(System.IO.Path.GetFullPath(target, current), links);
            }
            current = next;
        }
        return current;
    }
}
