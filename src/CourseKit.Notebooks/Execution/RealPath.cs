namespace CourseKit.Notebooks.Execution;

/// <summary>A path with every symbolic link along it resolved, as the operating system would open it.</summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    public static string Of(string path) => Resolve(Path.GetFullPath(path), MaxLinks);

    private static string Resolve(string full, int linksLeft)
    {
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is not null)
            {
                if (linksLeft == 0) throw new IOException($"Too many symbolic links in {full}.");
                next = Resolve(Path.GetFullPath(target, current), linksLeft - 1);
            }
            current = next;
        }
        return current;
    }
}
