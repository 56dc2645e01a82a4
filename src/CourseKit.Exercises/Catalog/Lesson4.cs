using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Model;
using CourseKit.Ranking;

namespace CourseKit.Exercises.Catalog;

/// <summary>Lesson 4, the 2026 outlook (seed 003): a weighted ranking, the weight that flips it, a short judgment.</summary>
public static class Lesson4
{
    public static IReadOnlyList<RankingItem> OutlookItems => Scoring.Outlooks().Select(Scoring.ToRankingItem).ToList();

    public static IReadOnlyList<Exercise> All { get; } =
    [
        new("L4.E1", "Rank the 2026 outlooks for a ToB team", ExerciseKind.Computed, 3,
            """
            Rank the four 2026 outlooks (`CourseData.CourseTrends()`, `Source` is `"seed-003"`) by the course
            scores with a ToB team's weights on the four dimensions:

            | criterion | weight |
            |---|---|
            | ability | 0.2 |
            | cost_impact | 0.2 |
            | new_interaction | 0.2 |
            | workflow_change | 0.4 |

            Use the trend keys as names (e.g. `ai4science`) and give every outlook with its score rounded to 2
            decimals, highest first, as a `RankedScore[]`.
            """,
            [
                "Turn each row into a `RankingItem` whose criteria are the four dimension keys and the row's scores.",
                "`WeightedRanking.Rank(items, weights)` ranks them; all four weights here are positive.",
            ],
            SharedChecks.Ranking(() => WeightedRanking.Rank(OutlookItems, Scoring.ToBWeights), "outlook"),
            new ValueShape<RankedScore[]>("outlookRanking", "RankedScore[] outlookRanking = null;")),

        new("L4.E2", "Which weight flips the top outlook?", ExerciseKind.Computed, 3,
            """
            With the ToB weights of L4.E1, move **one** weight at a time, keeping the others fixed. Which weight
            has to move the **least** (up or down, from its current value) before another outlook takes the top?
            Give that weight's name, the value at which the top changes (2 decimals) and the outlook that takes
            over.

            ```csharp
            var outlookFlip = new WeightFlip(Criterion: "…", Threshold: …m, NewTop: "…");
            ```
            """,
            [
                "`Sensitivity.TopItemRange(items, weights, criterion)` gives, for one weight, the range over which today's top stays on top.",
                "For each weight, the distance to flip is how far its current value is from the nearer bound of that range.",
                "Compare the four distances; the smallest wins. The range also names who leads past that bound.",
            ],
            SharedChecks.Flip(() => Scoring.SmallestFlip(OutlookItems, Scoring.ToBWeights), criterionIsGiven: false),
            new ValueShape<WeightFlip>("outlookFlip", "WeightFlip outlookFlip = null;")),

        Rules.FreeText("L4.E3", "The outlook you would watch first", 2,
            "If you led a ToB AI team, which of the four 2026 outlooks would you watch first, and what evidence in the next six months would change your mind?",
            40, "watchFirst",
            "Use your ranking from L4.E1 as a starting point, then question it.",
            "Name concrete evidence: a price drop, a deployment story, a benchmark on your own data, a regulation."),
    ];
}
