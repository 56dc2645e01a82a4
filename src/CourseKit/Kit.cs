using CourseKit.Kernels;

namespace CourseKit;

/// <summary>What a notebook's set-up cell calls once, after its <c>#r</c> lines.</summary>
public static class Kit
{
    /// <summary>
    /// Prepares the notebook's kernel for the course: in .NET Interactive, lets Plotly.NET bind to the
    /// FSharp.Core the kernel already hosts (see <see cref="FSharpCoreBinding"/>). Safe to call again, and
    /// a no-op in kernels that ship the FSharp.Core Plotly.NET was built against, such as the kit's runner.
    /// </summary>
    public static void Setup() => FSharpCoreBinding.Install();
}
