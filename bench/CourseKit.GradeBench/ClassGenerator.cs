using CourseKit.Notebooks.Documents;

namespace CourseKit.GradeBench;

/// <summary>
/// A generated class: each student hands in the lesson-1 exercise notebook, every other one with the reference
/// answers and the rest with a partial answer to L1.E5 (so the checks fail and pass in a realistic mix).
/// </summary>
public static class ClassGenerator
{
    public const string Notebook1 = "01-AIGC-Frontier-Trends-Exercises.ipynb";

    public static IReadOnlyList<string> Generate(string repoRoot, string submissions, int students)
    {
        var reference = Notebook.Load(Path.Combine(repoRoot, "exercises", "source", Notebook1));
        var partial = Notebook.Load(Path.Combine(repoRoot, "exercises", "source", Notebook1));
        partial.Cells.Single(c => (string?)c.Metadata["coursekit"]?["exercise"] == "L1.E5" && (string?)c.Metadata["coursekit"]?["role"] == "solution").Source =
            "var bet = new ProductBet(\"Photo notes\", MainBet.Multimodality, \"It uses photos.\");";
        var paths = new List<string>();
        for (var i = 0; i < students; i++)
        {
            var folder = Path.Combine(submissions, $"student{i:000}");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, Notebook1);
            (i % 2 == 0 ? reference : partial).Save(path);
            paths.Add(path);
        }
        return paths;
    }
}
