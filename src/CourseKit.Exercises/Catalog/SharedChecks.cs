using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Model;
using CourseKit.Judgment;

namespace CourseKit.Exercises.Catalog;

/// <summary>Checks several exercises share: totals, and lists of names against the expected set.</summary>
public static class SharedChecks
{
    /// <summary>Totals and strongest change for a set of trends.</summary>
    public static IReadOnlyList<Check> Totals(Func<IReadOnlyList<TrendScores>> trends) =>
    [
        Check.On<TrendTotal[]>("every trend listed once", 1, answer => CheckResult.FirstProblem(
            SameItems(answer.Select(a => a.Trend).ToList(), trends().Select(t => t.Name).ToList(), "trend"))),
        Check.On<TrendTotal[]>("totals of the four scores", 2, answer =>
        {
            foreach (var line in answer)
            {
                var trend = trends().FirstOrDefault(t => Rules.SameName(t.Name, line.Trend));
                if (trend is not null && FourDimensionCheck.Evaluate(trend).Total != line.Total)
                    return CheckResult.Fail($"The total for '{line.Trend}' ({line.Total}) is not the sum of its four scores. Add capability, cost impact, new interaction and workflow change from the table.");
            }
            return CheckResult.Pass();
        }),
        Check.On<TrendTotal[]>("strongest change per trend", 1, answer =>
        {
            foreach (var line in answer)
            {
                var trend = trends().FirstOrDefault(t => Rules.SameName(t.Name, line.Trend));
                if (trend is null) continue;
                var verdict = FourDimensionCheck.Evaluate(trend);
                if (verdict.StrongestChange == line.StrongestChange) continue;
                var tied = Dimensions.All.Count(d => trend[d] == trend[verdict.StrongestChange]) > 1;
                return CheckResult.Fail(tied && trend[line.StrongestChange] == trend[verdict.StrongestChange]
                    ? $"For '{line.Trend}' two dimensions share the highest score. The course breaks a tie by taking the earlier dimension in the order Capability, Cost impact, New interaction, Workflow change."
                    : $"For '{line.Trend}', {line.StrongestChange.Label()} is not its highest score. The strongest change is the dimension with the highest score.");
            }
            return CheckResult.Pass();
        }),
    ];

    /// <summary>Problems with a list of names against the expected set: missing, unknown or repeated.</summary>
    public static IEnumerable<string?> SameItems(IReadOnlyList<string> given, IReadOnlyList<string> expected, string what)
    {
        foreach (var name in given.GroupBy(Rules.Normalize).Where(g => g.Count() > 1))
            yield return $"'{name.First()}' appears {name.Count()} times; list each {what} once.";
        foreach (var name in given.Where(g => !expected.Any(e => Rules.SameName(e, g))))
            yield return $"'{name}' is not one of the {what}s in this exercise; copy the names from the table.";
        var missing = expected.Count(e => !given.Any(g => Rules.SameName(e, g)));
        if (missing > 0)
            yield return $"{missing} {what}{(missing == 1 ? " is" : "s are")} missing from your answer; list all {expected.Count}.";
    }
}
