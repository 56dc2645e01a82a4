using System.Text.Json.Nodes;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Kernel;

/// <summary>
/// The <c>coursekit-csharp</c> Jupyter kernel, driven by the real Jupyter tools from Python: Debian's
/// jupyter_kernel_test, jupyter_client and jupyter-nbconvert.
/// </summary>
[Trait("Category", "Slow")]
public sealed class KernelTests(KernelFixture kernel) : IClassFixture<KernelFixture>
{
    [Fact]
    public void Install_writes_the_kernelspec_into_the_prefix()
    {
        Assert.True(kernel.Install.Exit == 0, kernel.Install.Output);
        var spec = JsonNode.Parse(File.ReadAllText(kernel.KernelJson))!;
        Assert.Equal("C# (CourseKit)", (string?)spec["display_name"]);
        Assert.Equal("csharp", (string?)spec["language"]);
        var argv = spec["argv"]!.AsArray().Select(a => (string?)a).ToList();
        Assert.Equal(["kernel", "--connection-file", "{connection_file}"], argv.TakeLast(3));
        // The kernel students start, and these tests drive, is the ReadyToRun copy wherever the build can make one.
        if (System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64")
            Assert.Contains(KernelFixture.ReadyToRunCliDll, argv);
        var language = spec["metadata"]!["language_info"]!;
        Assert.Equal(".cs", (string?)language["file_extension"]);
        Assert.Equal("csharp", (string?)language["pygments_lexer"]);
        Assert.Equal("text/x-csharp", (string?)language["codemirror_mode"]);
    }

    [Fact]
    public async Task A_bad_connection_file_is_a_clear_error()
    {
        using var folder = new TempFolder();
        var missing = await CliProcess.RunAsync("kernel", "--connection-file", folder.PathOf("none.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("cannot read the connection file", missing.Error);
        var broken = await CliProcess.RunAsync("kernel", "--connection-file", folder.Write("broken.json", "{\"shell_port\": "));
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("not valid JSON", broken.Error);
        var noPort = await CliProcess.RunAsync("kernel", "--connection-file", folder.Write("ports.json", "{\"key\": \"k\"}"));
        Assert.Equal(2, noPort.ExitCode);
        Assert.Contains("no valid shell_port", noPort.Error);
    }

    [SkippableFact]
    public async Task Passes_jupyter_kernel_test()
    {
        Skip.If(kernel.MissingKernelTest is not null, kernel.MissingKernelTest);
        var (exit, output) = await kernel.RunAsync(KernelFixture.Python, KernelFixture.Script("kernel_conformance.py"));
        Assert.True(exit == 0, output);
        Assert.Contains("OK (skipped=2)", output);
    }

    [SkippableFact]
    public async Task Interrupts_restarts_crashes_and_big_outputs_through_jupyter_client()
    {
        Skip.If(kernel.MissingPython is not null, kernel.MissingPython);
        var (exit, output) = await kernel.RunAsync(KernelFixture.Python, KernelFixture.Script("kernel_behaviour.py"));
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("skipped", output);
    }
}
