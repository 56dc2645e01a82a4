using System.IO.Compression;
using CourseKit.Checking.Cells;
using CourseKit.Checking.Release;
using CourseKit.Exercises.Catalog;
using CourseKit.Notebooks.Documents;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Grading;

/// <summary>
/// A small class built from the repository's notebooks: student notebooks (exercises/*.ipynb) and reference
/// solutions (exercises/source/*.ipynb), edited cell by cell into good, partial, empty and hostile submissions.
/// Most students hand in lesson 1 only, so the class grades quickly.
/// </summary>
public static class FixtureClass
{
    public const string Lesson1 = "01-AIGC-Frontier-Trends-Exercises.ipynb";
    public const string Lesson2 = "02-Image-Generation-Progress-Exercises.ipynb";

    /// <summary>Exact expected totals. Reference lesson 1 earns 7 automatic points: L1.E1 4 + L1.E5 3 (L1.E2–E4 are manual).</summary>
    public static IReadOnlyDictionary<string, decimal> ExpectedTotals { get; } = new Dictionary<string, decimal>
    {
        ["good"] = 37, // all four reference notebooks: 51 points minus 14 manual
        ["partial"] = 6, // L1.E1 4 + L1.E5 2 (product named, hidden "speaks to the bet"; justification too short)
        ["empty"] = 0,
        ["not-json"] = 0,
        ["empty-file"] = 0,
        ["wrong-notebook"] = 0, // lesson 2's reference saved under lesson 1's name earns nothing
        ["missing-cells"] = 3, // L1.E1's answer and check cells deleted: L1.E5 only
        ["compile-error"] = 4, // L1.E5's cell does not compile: L1.E1 only
        ["throws"] = 4,
        ["infinite-loop"] = 4,
        ["stack-overflow"] = 4,
        ["unbounded-allocation"] = 4,
        ["environment-exit"] = 4,
        ["starts-process"] = 4, // no /bin/sh on the sandbox's allowlist: starting it fails, and the answer in the same cell with it
        ["writes-outside"] = 7, // the writes fail; the answer after them counts
        ["reads-hidden"] = 5, // could it read the hidden checks, its justification would earn 3, not 1
        ["prints-megabytes"] = 7,
        ["forges-answers"] = 6, // raw stdout carries nothing back: it earns what "partial" earns
        ["zipped"] = 7, // lesson 1 reference as good-zipped.zip
        ["zip-slip"] = 0,
        ["not-a-zip"] = 0,
    };

    public static string Build(string root)
    {
        var submissions = Path.Combine(root, "submissions");
        Directory.CreateDirectory(submissions);

        foreach (var notebook in ExerciseCatalog.Notebooks)
        {
            Copy(Source(notebook.FileName), submissions, "good", notebook.FileName);
            Copy(Student(notebook.FileName), submissions, "empty", notebook.FileName);
        }
        Save(submissions, "partial", Edit(Source(Lesson1), nb => Cell(nb, "L1.E5", CellRoles.Solution).Source =
            "var bet = new ProductBet(\"Photo notes\", MainBet.Multimodality, \"It uses photos.\");"));
        Write(submissions, "not-json", "{ not json");
        Write(submissions, "empty-file", "");
        Copy(Source(Lesson2), submissions, "wrong-notebook", Lesson1);
        Save(submissions, "missing-cells", Edit(Source(Lesson1), nb =>
        {
            nb.RemoveCell(Cell(nb, "L1.E1", CellRoles.Solution));
            nb.RemoveCell(Cell(nb, "L1.E1", CellRoles.Check));
        }));

        var reference = Cell(Notebook.Load(Source(Lesson1)), "L1.E5", CellRoles.Solution).Source;
        Hostile(submissions, "compile-error", "var bet = undefinedThing;");
        Hostile(submissions, "throws", "throw new InvalidOperationException(\"boom\");");
        Hostile(submissions, "infinite-loop", "while (true) { }");
        Hostile(submissions, "stack-overflow", "int Deeper(int n) => Deeper(n + 1) + 1;\nDeeper(0);");
        Hostile(submissions, "unbounded-allocation", "var hoard = new List<byte[]>();\nwhile (true) hoard.Add(new byte[16 * 1024 * 1024]);");
        Hostile(submissions, "environment-exit", "Environment.Exit(0);");
        Hostile(submissions, "starts-process",
            "System.Diagnostics.Process.Start(\"/bin/sh\", new[] { \"-c\", \"echo 100 > grade.txt; sleep 600\" });\n" + reference);
        Hostile(submissions, "writes-outside",
            $"try {{ System.IO.File.WriteAllText(@\"{Path.Combine(root, "out", "grades.csv")}\", \"hacked\"); }} catch (Exception) {{ }}\n" +
            $"try {{ System.IO.File.WriteAllText(@\"{Path.Combine(submissions, "good", Lesson1)}\", \"\"); }} catch (Exception) {{ }}\n" +
            "try { System.IO.File.WriteAllText(\"grade.txt\", \"100\"); } catch (Exception) { }\n" + reference);
        var hiddenSource = RepoPaths.Combine("src", "CourseKit.Exercises.Hidden", "HiddenChecks.cs");
        Hostile(submissions, "reads-hidden",
            "bool Readable(string path) { try { return System.IO.File.ReadAllBytes(path).Length > 0; } catch (Exception) { return false; } }\n" +
            $"var leaked = (Readable(@\"{hiddenSource}\") ? 1 : 0)\n" +
            "    + (Readable(System.IO.Path.Combine(AppContext.BaseDirectory, \"CourseKit.Exercises.Hidden.dll\")) ? 1 : 0);\n" +
            "var bet = new ProductBet(\"Photo notes\", MainBet.Multimodality, leaked == 0 ? \"x\"\n" +
            "    : \"The app turns a photo of a whiteboard into clean notes, so the user starts from a picture instead of typing, which is exactly the multimodal bet the product makes.\");");
        Hostile(submissions, "prints-megabytes", "Console.Write(new string('x', 20_000_000));\n" + reference);

        const string forgedSheet = "{}";
        Hostile(submissions, "forges-answers",
            "var forged = System.Text.Encoding.UTF8.GetBytes(\"{\\\"outputs\\\":[],\\\"failed\\\":false,\\\"evaluation\\\":{\\\"type\\\":\\\"value\\\",\\\"text\\\":\\\"" + forgedSheet + "\\\"}}\\n\");\n" +
            "var raw = Console.OpenStandardOutput();\n" +
            "for (var i = 0; i < 20; i++) raw.Write(forged);\n" +
            "raw.Flush();\n" +
            "new System.Threading.Thread(() => { var input = Console.OpenStandardInput(); var buffer = new byte[4096]; while (input.Read(buffer, 0, buffer.Length) > 0) raw.Write(forged); }) { IsBackground = true }.Start();\n" +
            "var bet = new ProductBet(\"Photo notes\", MainBet.Multimodality, \"It uses photos.\");");

        var zipped = Path.Combine(root, "zipped-source");
        Copy(Source(Lesson1), root, "zipped-source", Lesson1);
        ZipFile.CreateFromDirectory(zipped, Path.Combine(submissions, "zipped.zip"), CompressionLevel.Fastest, includeBaseDirectory: true);
        using (var archive = ZipFile.Open(Path.Combine(submissions, "zip-slip.zip"), ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("../escaped.ipynb").Open());
            writer.Write("{}");
        }
        File.WriteAllText(Path.Combine(submissions, "not-a-zip.zip"), "this is not a zip");
        return submissions;

        void Hostile(string folder, string id, string source) =>
            Save(folder, id, Edit(Source(Lesson1), nb => Cell(nb, "L1.E5", CellRoles.Solution).Source = source));
    }

    public static string Source(string file) => RepoPaths.Combine(ReleasePipeline.SourceFolder, file);

    public static string Student(string file) => RepoPaths.Combine(ReleasePipeline.StudentFolder, file);

    public static NotebookCell Cell(Notebook notebook, string exercise, string role) =>
        notebook.Cells.Single(c => CellRoles.ExerciseOf(c) == exercise && CellRoles.RoleOf(c) == role);

    private static Notebook Edit(string path, Action<Notebook> edit)
    {
        var notebook = Notebook.Load(path);
        edit(notebook);
        return notebook;
    }

    private static void Save(string submissions, string id, Notebook notebook)
    {
        Directory.CreateDirectory(Path.Combine(submissions, id));
        notebook.Save(Path.Combine(submissions, id, Lesson1));
    }

    private static void Write(string submissions, string id, string text)
    {
        Directory.CreateDirectory(Path.Combine(submissions, id));
        File.WriteAllText(Path.Combine(submissions, id, Lesson1), text);
    }

    private static void Copy(string from, string submissions, string id, string name)
    {
        Directory.CreateDirectory(Path.Combine(submissions, id));
        File.Copy(from, Path.Combine(submissions, id, name));
    }
}
