using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Model;
using CourseKit.Judgment;
using CourseKit.Ranking;

namespace CourseKit.Exercises.Catalog;

/// <summary>Checks several exercises share: rankings, weight flips, totals.</summary>
public static class SharedChecks
{
    /// <summary>A ranking answer: every item once, the right order, the right scores.</summary>
    public static IReadOnlyList<Check> Ranking(Func<IReadOnlyList<RankedItem>> expected, string what) =>
    [
        Check.On<RankedScore[]>($"every {what} listed once", 1, answer => CheckResult.FirstProblem(
            SameItems(answer.Select(a => a.Name).ToList(), expected().Select(e => e.Name).ToList(), what))),
        Check.On<RankedScore[]>("highest score first, in the right order", 1, answer =>
        {
            var want = expected();
            for (var i = 0; i < want.Count; i++)
            {
                if (i >= answer.Length)
                    return CheckResult.Fail($"Your ranking stops after place {answer.Length}; list all {want.Count}.");
                if (!Rules.SameName(answer[i].Name, want[i].Name))
                    return CheckResult.Fail($"Place {i + 1} is not right yet (you have '{answer[i].Name}'). Recompute every score with the given weights, mind each weight's sign, and sort highest first.");
            }
            return CheckResult.Pass();
        }),
        Check.On<RankedScore[]>("scores match the given weights", 1, answer =>
        {
            foreach (var line in answer)
            {
                var match = expected().FirstOrDefault(e => Rules.SameName(e.Name, line.Name));
                if (match is null) continue; // the first check reports unknown names
                if (!Rules.Close(match.Score, line.Score))
                    return CheckResult.Fail($"The score for '{line.Name}' ({line.Score}) does not follow the given weights. Multiply each criterion by its weight (a negative weight subtracts), add them up and round to 2 decimals.");
            }
            return CheckResult.Pass();
        }),
    ];

    /// <summary>A weight-flip answer: which weight, where it flips, and who takes the top.</summary>
    public static IReadOnlyList<Check> Flip(Func<(string Criterion, decimal Threshold, string NewTop)> expected, bool criterionIsGiven)
    {
        var checks = new List<Check>();
        if (!criterionIsGiven)
            checks.Add(Check.On<WeightFlip>("the weight that flips the top first", 1, answer =>
                Rules.SameName(answer.Criterion, expected().Criterion)
                    ? CheckResult.Pass()
                    : CheckResult.Fail($"Moving the {answer.Criterion} weight is not the smallest move that changes the top item. Run Sensitivity.TopItemRange for every weight and compare how far each must move from its current value.")));
        checks.Add(Check.On<WeightFlip>("where the top item changes", 1, answer =>
        {
            var want = expected();
            if (criterionIsGiven && !Rules.SameName(answer.Criterion, want.Criterion))
                return CheckResult.Fail($"This exercise is about the {want.Criterion} weight, but your answer names '{answer.Criterion}'.");
            return Rules.SameName(answer.Criterion, want.Criterion) && Rules.Close(answer.Threshold, want.Threshold)
                ? CheckResult.Pass()
                : CheckResult.Fail($"{answer.Threshold} is not where the top item changes. The threshold is the weight value at which today's top item and its rival score exactly the same; Sensitivity.TopItemRange gives the range, so read the bound on the side you move towards, to 2 decimals.");
        }));
        checks.Add(Check.On<WeightFlip>("who takes the top", 1, answer =>
        {
            var want = expected();
            return Rules.SameName(answer.Criterion, want.Criterion) && Rules.SameName(answer.NewTop, want.NewTop)
                ? CheckResult.Pass()
                : CheckResult.Fail($"'{answer.NewTop}' is not the item that takes the top once that weight crosses its threshold. Re-rank with the weight just past the threshold and read place 1.");
        }));
        return checks;
    }

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
