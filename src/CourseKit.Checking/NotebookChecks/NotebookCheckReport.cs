using System.Text;
using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Evaluation;

namespace CourseKit.Checking.NotebookChecks;

/// <summary>The verdict on every exercise of one notebook, plus why the notebook did not run clean, if it did not.</summary>
public sealed record NotebookCheckReport(string Path, IReadOnlyList<ExerciseResult> Results, string? Problem)
{
    /// <summary>The answers read back from the run, as data (the grader collects free-text answers from them); empty when none were read.</summary>
    public IReadOnlyDictionary<string, CapturedAnswer> Answers { get; init; } = new Dictionary<string, CapturedAnswer>();

    /// <summary>The learner's code where the run stopped on a compile error or exception, for feedback; null otherwise.</summary>
    public FailedCode? FailedCode { get; init; }

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
