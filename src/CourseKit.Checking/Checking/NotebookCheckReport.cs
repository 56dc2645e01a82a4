using System.Text;
using CourseKit.Exercises.Grading;

namespace CourseKit.Checking.Checking;

/// <summary>The verdict on every exercise of one notebook, plus why the notebook did not run clean, if it did not.</summary>
public sealed record NotebookCheckReport(string Path, IReadOnlyList<ExerciseResult> Results, string? Problem)
{
    public int Earned => Results.Sum(r => r.Earned);

    public int Possible => Results.Sum(r => r.Possible);

    public ExerciseResult this[string id] => Results.First(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    public string Text()
    {
        var text = new StringBuilder($"{System.IO.Path.GetFileName(Path)}: {Earned}/{Possible} points\n");
        if (Problem is not null) text.AppendLine($"  ! {Problem}");
        foreach (var result in Results) text.AppendLine($"  {result.Line}");
        return text.ToString().TrimEnd();
    }
}
