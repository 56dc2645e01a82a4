using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Model;
using CourseKit.Judgment;
using CourseKit.Ranking;

namespace CourseKit.Exercises.Catalog;

/// <summary>Lesson 1, AIGC frontier trends (seed 000): its five exercises.</summary>
public static class Lesson1
{
    public const int ReasonWords = 8;

    public static IReadOnlyList<Exercise> All { get; } =
    [
        new("L1.E1", "Four-dimension analysis of a trend you pick", ExerciseKind.Structured, 4,
            """
            Pick a new AIGC direction you saw recently (not one of the lesson's three examples). Judge it on the
            four dimensions: **capability**, **cost**, **interaction** and **workflow**. Give each a whole-number
            score from 0 to 10 and a reason of at least 8 words, then name the dimension you think changes most.
            Fill in a `TrendAnalysis`:

            ```csharp
            var analysis = new TrendAnalysis(
                Trend: "…",
                Capability: new(score, "reason …"),
                Cost: new(score, "reason …"),
                Interaction: new(score, "reason …"),
                Workflow: new(score, "reason …"),
                StrongestChange: Dimension.…);
            ```
            """,
            [
                "Start from the lesson's question table: for each dimension, ask its first question about your trend.",
                "A score says how much that layer changes: 9 is a big shift, 3 is barely any. A reason names the concrete change, e.g. who can now do what, or what got cheaper.",
                "The strongest change must be the dimension you scored highest. When two tie, the course's rule applies, as in the lesson: the earlier dimension in the order capability, cost, interaction, workflow.",
            ],
            [
                Check.On<TrendAnalysis>("trend named and scored 0–10", 1, a => CheckResult.FirstProblem(
                    new[] { string.IsNullOrWhiteSpace(a.Trend) ? "Name the trend you analysed in Trend." : null }
                        .Concat(Judgments(a).Select(j => j.Judgment is null
                            ? $"The {j.Label} judgment is missing; give it a score and a reason."
                            : Rules.ScoreProblem(j.Label, j.Judgment.Score))))),
                Check.On<TrendAnalysis>("a reason for every dimension", 1, a => CheckResult.FirstProblem(
                    Judgments(a).Select(j => Rules.TooShort($"The reason for {j.Label}", j.Judgment?.Reason, ReasonWords,
                        "that say what concretely changes on this layer")))),
                Check.On<TrendAnalysis>("strongest change matches your scores", 1, a =>
                {
                    var scores = Judgments(a).Where(j => j.Judgment is not null).ToList();
                    if (scores.Count < 4) return CheckResult.Fail("Score all four dimensions first; the strongest change is read from your scores.");
                    var top = scores.Max(j => j.Judgment!.Score);
                    var named = scores.FirstOrDefault(j => j.Dimension == a.StrongestChange);
                    if (named!.Judgment!.Score != top)
                        return CheckResult.Fail($"You named {a.StrongestChange.Label()} as the strongest change, but your own scores rate another dimension higher. Name the dimension you scored highest, or revisit your scores.");
                    return scores.First(j => j.Judgment!.Score == top).Dimension == a.StrongestChange
                        ? CheckResult.Pass()
                        : CheckResult.Fail($"Two dimensions share your highest score. {Ties.DimensionRule}");
                }),
            ],
            new ValueShape<TrendAnalysis>("analysis", "TrendAnalysis analysis = null;")),

        Rules.FreeText("L1.E2", "Why multimodality changes the entry point", 2,
            "In your own words: why is multimodality a change in the **interaction entry point**, and not only a change in model capability? Use one concrete example of what a user can now start from.",
            30, "entryPoint",
            "Think about what users had to do before: turn everything into typed text.",
            "Name one input a user can now hand over directly (a screenshot, a photo, a voice note …) and say what step disappears."),

        Rules.FreeText("L1.E3", "Why competition becomes system competition", 2,
            "Explain why AIGC competition increasingly looks like **system competition** rather than model competition. Name at least three parts of a system, besides the model, that decide what users get.",
            30, "systemCompetition",
            "List what sits around a model in a real product.",
            "Connect the parts to user value: what breaks for a user when retrieval, tools, review or cost control is weak, even with a strong model?"),

        Rules.FreeText("L1.E4", "Your first two questions", 2,
            "To judge whether a trend is worth following for the long term, which **two questions** would you ask first, and why those two?",
            20, "firstQuestions",
            "One question can be about repeated use: does it unlock a workflow people come back to?",
            "The other can be about readiness: is cost, latency, quality, safety and integration good enough for real use?"),

        new("L1.E5", "A product's main bet", ExerciseKind.Structured, 3,
            """
            Find a specific product (an app, a tool, a device feature) and judge which **one** main bet it makes:
            `MainBet.Multimodality`, `MainBet.RealTime`, `MainBet.OnDevice` or `MainBet.Workflow`. Justify it in at
            least 20 words by linking something visible in the product to that bet.

            ```csharp
            var bet = new ProductBet(Product: "…", Bet: MainBet.…, Justification: "…");
            ```
            """,
            [
                "Look at what a user actually does with the product, not at its marketing.",
                "Ask which change it depends on: new kinds of input, speed, running locally, or chaining steps into a flow.",
                "In the justification, name the visible behaviour (\"you can photograph a receipt and …\") and say which bet it relies on.",
            ],
            [
                Check.On<ProductBet>("product named and bet chosen", 1, b => CheckResult.FirstProblem(
                [
                    string.IsNullOrWhiteSpace(b.Product) ? "Name the product you judged in Product." : null,
                    Enum.IsDefined(b.Bet) ? null : "Choose the bet with one of MainBet.Multimodality, MainBet.RealTime, MainBet.OnDevice or MainBet.Workflow.",
                ])),
                Check.On<ProductBet>("justification links behaviour to the bet", 1, b => CheckResult.FirstProblem(
                [
                    Rules.TooShort("Your justification", b.Justification, 20, "that connect something the product visibly does to the bet"),
                ])),
            ],
            new ValueShape<ProductBet>("bet", "ProductBet bet = null;")),
    ];

    /// <summary>The four judgments of an analysis with their labels, in the course's dimension order.</summary>
    // A class, not a tuple: the checks run in a fresh worker per submission, where LINQ over a struct is JIT-compiled
    // anew each time and over a class is not (bench/README.md).
    public static IEnumerable<JudgedDimension> Judgments(TrendAnalysis a) =>
    [
        new(Dimension.Ability, "Capability", a.Capability),
        new(Dimension.CostImpact, "Cost", a.Cost),
        new(Dimension.NewInteraction, "Interaction", a.Interaction),
        new(Dimension.WorkflowChange, "Workflow", a.Workflow),
    ];

    /// <summary>One dimension of a <see cref="TrendAnalysis"/>: which, its label, and the learner's judgment of it.</summary>
    public sealed record JudgedDimension(Dimension Dimension, string Label, DimensionJudgment? Judgment);
}
