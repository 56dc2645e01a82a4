using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Kernel;

/// <summary>Writes the <c>coursekit-csharp</c> kernelspec, whose argv starts this program as the kernel.</summary>
public static class KernelSpec
{
    /// <summary>The user's Jupyter data folder, as jupyter_core finds it on Linux and macOS.</summary>
    public static string UserDataDirectory =>
        Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data ? data
        : OperatingSystem.IsMacOS() ? Path.Combine(Home, "Library", "Jupyter")
        : OperatingSystem.IsWindows() ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter")
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Home, ".local", "share"), "jupyter");

    private static string Home => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>Installs into <c>PREFIX/share/jupyter/kernels</c>, or the user's kernels when no prefix is given; returns the folder.</summary>
    public static string Install(string? prefix, IReadOnlyList<string> command)
    {
        var root = prefix is null ? UserDataDirectory : Path.Combine(Path.GetFullPath(prefix), "share", "jupyter");
        var folder = Path.Combine(root, "kernels", KernelInfo.Name);
        Directory.CreateDirectory(folder);
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray([.. command.Select(c => (JsonNode)JsonValue.Create(c)), "kernel", "--connection-file", "{connection_file}"]),
            ["display_name"] = KernelInfo.DisplayName,
            ["language"] = "csharp",
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["language_info"] = KernelInfo.LanguageInfo() },
        };
        var path = Path.Combine(folder, "kernel.json");
        File.WriteAllText(path + ".tmp", spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(path + ".tmp", path, overwrite: true);
        return folder;
    }

    /// <summary>Where the build puts the kernel's ReadyToRun copy, beside the program (src/CourseKit.Kernel/ReadyToRun.targets).</summary>
    public const string ReadyToRunFolder = "kernel-r2r";

    /// <summary>
    /// How to start this program again as the kernel: its ReadyToRun copy when the build made one (its precompiled
    /// compiler gives the first result sooner), else itself; through its apphost, or <c>dotnet</c> with its dll.
    /// </summary>
    public static IReadOnlyList<string> CurrentCommand(string entryAssembly)
    {
        var copy = Path.Combine(Path.GetDirectoryName(entryAssembly)!, ReadyToRunFolder, Path.GetFileName(entryAssembly));
        if (File.Exists(copy)) entryAssembly = copy;
        var process = Environment.ProcessPath ?? "dotnet";
        if (Path.GetFileNameWithoutExtension(process) == "dotnet") return [process, entryAssembly];
        var apphost = Path.Combine(Path.GetDirectoryName(entryAssembly)!, Path.GetFileName(process));
        return File.Exists(apphost) ? [apphost] : [process];
    }
}
