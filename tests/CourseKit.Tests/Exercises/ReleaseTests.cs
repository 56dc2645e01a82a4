using System.Diagnostics;
using CourseKit.Checking.Release;
using CourseKit.Exercises.Catalog;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Exercises;

public sealed class ReleaseTests
{
    [Fact]
    public void The_student_edition_leaves_out_hidden_checks_instructor_sources_and_solutions()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "student");
        StudentEdition.Write(RepoPaths.Root, output);

        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).ToList();
        Assert.DoesNotContain(files, f => f.Contains("Hidden", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f.Contains("source", StringComparison.OrdinalIgnoreCase) && f.EndsWith(".ipynb"));
        Assert.DoesNotContain(files, f => f.Split(Path.DirectorySeparatorChar).Intersect(["bin", "obj"]).Any());
        foreach (var notebook in ExerciseCatalog.Notebooks)
            Assert.Contains(Path.Combine("exercises", notebook.FileName), files);
        Assert.Contains("README.md", files);
        Assert.Contains("CheckMyWork.slnx", files);
        Assert.DoesNotContain(files, f => File.ReadAllText(Path.Combine(output, f)).Contains("HiddenChecks", StringComparison.Ordinal));
    }

    [Fact]
    public void A_release_into_a_folder_that_is_not_empty_is_refused_with_one_line()
    {
        using var temp = new TempFolder();
        temp.Write("keep.txt", "mine");
        var error = Assert.Throws<ReleaseException>(() => StudentEdition.Write(RepoPaths.Root, temp.Path));
        Assert.Contains("the output folder is not empty", error.Message);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_fresh_student_edition_builds_on_its_own_and_reports_every_exercise_not_attempted()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "student");
        StudentEdition.Write(RepoPaths.Root, output);

        var start = new ProcessStartInfo("dotnet", ["test", "CheckMyWork.slnx"])
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(limit.Token);
        var text = stdout + await stderr;

        Assert.DoesNotContain("error CS", text);
        Assert.DoesNotContain("error NU", text);
        Assert.Contains($"Failed:    {ExerciseCatalog.All.Count}, Passed:     0", text);
        foreach (var exercise in ExerciseCatalog.All)
            Assert.Contains($"{exercise.Id} not attempted (0/{exercise.PublicPoints + exercise.ManualPoints})", text);
    }
}
