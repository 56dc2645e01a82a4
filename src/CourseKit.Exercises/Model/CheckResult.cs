namespace CourseKit.Exercises.Model;

/// <summary>The outcome of one check on one answer. The message never contains the expected answer.</summary>
public sealed record CheckResult(bool Passed, string Message)
{
    public static CheckResult Pass(string message = "") => new(true, message);

    public static CheckResult Fail(string message) => new(false, message);

    /// <summary>Passes when <paramref name="problems"/> is empty, else fails with the first problem.</summary>
    public static CheckResult FirstProblem(IEnumerable<string?> problems) =>
        problems.FirstOrDefault(p => p is not null) is { } problem ? Fail(problem) : Pass();
}
