using System.Text.Json.Nodes;

namespace CourseKit.Kernel;

/// <summary>What the kernel tells front ends about itself: the kernel_info reply and the kernelspec.</summary>
public static class KernelInfo
{
    public const string Name = "coursekit-csharp";
    public const string DisplayName = "C# (CourseKit)";

    public static JsonObject LanguageInfo() => new()
    {
        ["name"] = "csharp",
        ["version"] = "14.0",
        ["mimetype"] = "text/x-csharp",
        ["file_extension"] = ".cs",
        ["pygments_lexer"] = "csharp",
        ["codemirror_mode"] = "text/x-csharp",
    };

    public static JsonObject Content() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "coursekit",
        ["implementation_version"] = typeof(KernelInfo).Assembly.GetName().Version?.ToString() ?? "1.0",
        ["language_info"] = LanguageInfo(),
        ["banner"] = "C# (CourseKit): the course's notebook runner as a Jupyter kernel. Cells run in a separate process; interrupting ends it.",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };
}
