using CourseKit.Notebooks.Execution;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Notebooks.Execution;

/// <summary>
/// A worker's folder is bound into its sandbox whole only when it holds the worker's own files (AppFiles.Of) and nothing
/// else; otherwise each of those files is bound, and nothing else of the folder exists inside.
/// </summary>
public class AppFolderTests
{
    private const string Deps = """
        { "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" },
          "targets": { ".NETCoreApp,Version=v10.0": {
            "App/1.0.0": { "runtime": { "App.dll": {} } },
            "Kit/1.0.0": { "runtime": { "lib/net10.0/Kit.dll": {} }, "resources": { "lib/net10.0/fr/Kit.resources.dll": { "locale": "fr" } } } } } }
        """;

    private static string App(TempFolder folder)
    {
        folder.Write("App.deps.json", Deps);
        folder.Write("App.runtimeconfig.json", "{}");
        folder.Write("Kit.dll", "");
        folder.Write("Kit.pdb", "");
        folder.Write("fr/Kit.resources.dll", "");
        return folder.Write("App.dll", "");
    }

    [Fact]
    public void The_apps_files_are_those_its_deps_file_names_with_their_symbols()
    {
        using var folder = new TempFolder();
        var app = App(folder);
        folder.Write("Hidden.dll", "");
        folder.Write("Hidden.pdb", "");
        folder.Write("App.xml", "");

        Assert.Equal(
            new[] { "App.deps.json", "App.dll", "App.runtimeconfig.json", "Kit.dll", "Kit.pdb", "fr/Kit.resources.dll" }.Select(folder.PathOf).Order(StringComparer.Ordinal),
            AppFiles.Of(app));
    }

    [Fact]
    public void A_folder_with_nothing_but_the_apps_files_is_an_app_folder()
    {
        using var folder = new TempFolder();
        Assert.True(AppFiles.IsAppFolder(App(folder)));
    }

    [Theory]
    [InlineData("Hidden.dll")]
    [InlineData("App.xml")]
    [InlineData("App")]
    [InlineData("fr/Other.resources.dll")]
    [InlineData("de/Kit.resources.dll")]
    [InlineData("empty/")]
    public void Anything_else_in_it_makes_it_not_one(string extra)
    {
        using var folder = new TempFolder();
        var app = App(folder);
        if (extra.EndsWith('/')) Directory.CreateDirectory(folder.PathOf(extra));
        else folder.Write(extra, "");

        Assert.False(AppFiles.IsAppFolder(app));
    }

    [Fact]
    public void A_link_in_it_makes_it_not_one()
    {
        using var folder = new TempFolder();
        using var elsewhere = new TempFolder();
        var app = App(folder);
        File.Delete(folder.PathOf("Kit.pdb"));
        File.CreateSymbolicLink(folder.PathOf("Kit.pdb"), elsewhere.Write("secret.txt", "x"));

        Assert.False(AppFiles.IsAppFolder(app));
    }

    [Fact]
    public void The_sandbox_binds_an_app_folder_once_and_any_other_folder_file_by_file()
    {
        using var folder = new TempFolder();
        var app = App(folder);
        var sandbox = new WorkerSandbox([], null);

        var whole = SandboxMounts.For(sandbox, "dotnet", app, null).Arguments();
        Assert.Equal(1, Binds(whole, folder.Path));
        Assert.Contains(folder.Path, whole);

        folder.Write("Hidden.dll", "");
        var each = SandboxMounts.For(sandbox, "dotnet", app, null).Arguments();
        Assert.Equal(AppFiles.Of(app).Count, Binds(each, folder.Path));
        Assert.DoesNotContain(folder.Path, each);
        Assert.DoesNotContain(folder.PathOf("Hidden.dll"), each);
    }

    [Fact]
    public void The_grading_worker_is_in_an_app_folder()
    {
        // What the ReadyToRun copy is built for (src/CourseKit.Worker/ReadyToRun.targets); the plain worker beside the tests is not.
        if (!WorkerClient.DefaultWorkerPath.Contains("worker-r2r", StringComparison.Ordinal)) return;
        Assert.True(AppFiles.IsAppFolder(WorkerClient.DefaultWorkerPath),
            string.Join("\n", Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(WorkerClient.DefaultWorkerPath)!, "*", SearchOption.AllDirectories)
                .Except(AppFiles.Of(WorkerClient.DefaultWorkerPath))));
        Assert.False(AppFiles.IsAppFolder(Path.Combine(AppContext.BaseDirectory, WorkerClient.WorkerAssembly)));
    }

    private static int Binds(IReadOnlyList<string> arguments, string folder) =>
        arguments.Where((a, i) => a == "--ro-bind" && i + 1 < arguments.Count && arguments[i + 1].StartsWith(folder, StringComparison.Ordinal)).Count();
}
