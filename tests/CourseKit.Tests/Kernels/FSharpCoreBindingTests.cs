using System.Reflection;
using System.Runtime.Loader;
using CourseKit.Kernels;

namespace CourseKit.Tests.Kernels;

/// <summary>
/// The handler that lets Plotly.NET run where the host has an older FSharp.Core 10.x. Its end-to-end proof is the
/// real-kernel lane; these pin down what it answers and what it leaves alone.
/// </summary>
public class FSharpCoreBindingTests
{
    private static Assembly LoadedFSharpCore => typeof(Microsoft.FSharp.Core.Unit).Assembly;

    [Fact]
    public void A_newer_minor_version_is_answered_with_the_loaded_FSharp_Core()
    {
        var loaded = LoadedFSharpCore.GetName().Version!;
        var requested = new AssemblyName($"FSharp.Core, Version={loaded.Major}.{loaded.Minor + 5}.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a");

        Assert.Same(LoadedFSharpCore, FSharpCoreBinding.Resolve(AssemblyLoadContext.Default, requested));
    }

    [Fact]
    public void Another_major_version_or_another_assembly_is_left_to_fail()
    {
        var loaded = LoadedFSharpCore.GetName().Version!;

        Assert.Null(FSharpCoreBinding.Resolve(AssemblyLoadContext.Default, new AssemblyName($"FSharp.Core, Version={loaded.Major + 1}.0.0.0")));
        Assert.Null(FSharpCoreBinding.Resolve(AssemblyLoadContext.Default, new AssemblyName("Plotly.NET, Version=6.0.0.0")));
        Assert.Null(FSharpCoreBinding.Resolve(AssemblyLoadContext.Default, new AssemblyName("FSharp.Core")));
    }

    [Fact]
    public void Setup_can_run_twice()
    {
        Kit.Setup();
        Kit.Setup();

        Assert.NotNull(CourseKit.Charting.Charts.TrendMap());
    }
}
