using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using CourseKit.Checking.NotebookChecks;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Hidden;

namespace CourseKit.Grading.Sharding;

/// <summary>
/// What shards must share to be merged. <see cref="Exercises"/>: the exercise catalog as students and the gradebook see it
/// (notebooks, ids, titles, points, prompts, hints, public and hidden check names and points, hidden inputs).
/// <see cref="Build"/>: the assemblies that decide a grade (exercises and their checks, hidden checks, checker, grader),
/// byte for byte, since a check's rule is code. Both are SHA-256 hex digests.
/// </summary>
public sealed record CourseVersion(string Exercises, string Build)
{
    public static CourseVersion Current { get; } = new(Hash(CatalogText()), Hash(BuildBytes()));

    private static string CatalogText()
    {
        var text = new StringBuilder();
        foreach (var notebook in ExerciseCatalog.Notebooks)
            text.Append("notebook\0").Append(notebook.FileName).Append('\0').AppendJoin('\0', notebook.ExerciseIds).Append('\n');
        foreach (var exercise in ExerciseCatalog.All)
        {
            text.Append("exercise\0").AppendJoin('\0', exercise.Id, exercise.Title, exercise.Kind, exercise.Points, exercise.Prompt).Append('\n');
            foreach (var hint in exercise.Hints) text.Append("hint\0").Append(hint).Append('\n');
            foreach (var check in exercise.Checks) text.Append("check\0").Append(check.Name).Append('\0').Append(check.Points).Append('\n');
            foreach (var check in HiddenChecks.All.ChecksFor(exercise.Id)) text.Append("hidden\0").Append(check.Name).Append('\0').Append(check.Points).Append('\n');
            foreach (var probe in HiddenChecks.All.ProbesFor(exercise.Id)) text.Append("probe\0").Append(probe.ToJsonString()).Append('\n');
        }
        return text.ToString();
    }

    private static byte[] BuildBytes()
    {
        using var all = new MemoryStream();
        foreach (var assembly in new[] { typeof(ExerciseCatalog).Assembly, typeof(HiddenChecks).Assembly, typeof(NotebookChecker).Assembly, typeof(CourseVersion).Assembly })
        {
            var name = Encoding.UTF8.GetBytes(assembly.GetName().Name + "\0");
            all.Write(name);
            all.Write(Contents(assembly));
        }
        return all.ToArray();
    }

    // The file itself; an assembly loaded without one (single-file publish) is known by its module version id.
    private static byte[] Contents(Assembly assembly) =>
        assembly.Location.Length > 0 && File.Exists(assembly.Location)
            ? File.ReadAllBytes(assembly.Location)
            : assembly.ManifestModule.ModuleVersionId.ToByteArray();

    private static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
