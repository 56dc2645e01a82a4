using System.Text.Json;
using CourseKit.Data;
using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Model;
using CourseKit.Ranking;

namespace CourseKit.Exercises.Catalog;

/// <summary>Lesson 2, image-generation progress (seed 001): its four exercises plus ranking, scoring, evidence and sensitivity practice.</summary>
public static class Lesson2
{
    public const int CardFieldWords = 6;

    public static IReadOnlyList<ImageThread> Threads => CourseData.ImageThreads();

    /// <summary>The seed's own scoring rule, read from CourseKit: the answer key of L2.E5.</summary>
    public static decimal SeedScore(ImageThread thread) => WeightedRanking.Score(thread.ToRankingItem(), Weights.ImagePriority);

    public static IReadOnlyList<Exercise> All { get; } =
    [
        new("L2.E1", "Re-rank the four threads for an infrastructure team", ExerciseKind.Computed, 3,
            """
            An infrastructure team cares about speed and low cost more than the lesson's rule does. Rank the four
            image-generation threads (`CourseData.ImageThreads()`) with these weights:

            | criterion | weight |
            |---|---|
            | product_value | 0.3 |
            | stability | 0.3 |
            | engineering_cost | −0.4 |

            Give every thread with its score rounded to 2 decimals, highest first, as a `RankedScore[]`.
            """,
            [
                "`WeightedRanking.Rank(items, weights)` ranks items for any weights; build the weights with `new Weights((\"product_value\", 0.3m), …)`.",
                "Engineering cost lowers a score: its weight is negative.",
                "Turn each ranked item into `new RankedScore(item.Name, item.Score)`, keeping the order.",
            ],
            SharedChecks.Ranking(() => WeightedRanking.Rank(Threads.Select(t => t.ToRankingItem()), Scoring.InfrastructureWeights), "thread"),
            new ValueShape<RankedScore[]>("ranking", "RankedScore[] ranking = null;")),

        new("L2.E2", "The thread an e-commerce image system needs most", ExerciseKind.Structured, 3,
            """
            You are building an e-commerce product-image system. Which of the four threads matters most for it?
            Choose one by its exact name from `CourseData.ImageThreads()` and justify it in at least 20 words.

            ```csharp
            var ecommerce = new Choice(Option: "…", Justification: "…");
            ```
            """,
            [
                "Think about what must never change in a product photo, and what changes all the time.",
                "Shop images keep the item itself identical while the background, size or scene changes.",
            ],
            [
                Check.On<Choice>("one of the four threads", 1, c =>
                    Threads.Any(t => Rules.SameName(t.Name, c.Option))
                        ? CheckResult.Pass()
                        : CheckResult.Fail($"'{c.Option}' is not one of the four threads; copy a name exactly from CourseData.ImageThreads().")),
                Check.On<Choice>("justification long enough", 1, c => CheckResult.FirstProblem(
                [
                    Rules.TooShort("Your justification", c.Justification, 20, "that say what an e-commerce image must keep and what it must change"),
                ])),
            ],
            new ValueShape<Choice>("ecommerce", "Choice ecommerce = null;")),

        Rules.FreeText("L2.E3", "Why controllable editing is a product capability", 2,
            "Why is **controllable editing** often more of a product capability than \"improving image quality a little more\"? Answer from the user's side.",
            30, "controllable",
            "Compare what a user can do with each: ask for a precise change, or get a slightly nicer picture.",
            "Mention repeatability, editability or predictability, and why a small quality gain can be invisible in a real workflow."),

        Rules.FreeText("L2.E4", "Two questions for the next paper", 2,
            "Next time you read an image-generation paper, which **two questions** will you ask first, and why?",
            20, "paperQuestions",
            "One question can be about the new user action the paper enables.",
            "The other can be about real use: cost, latency, control, failure modes, and how it was evaluated."),

        new("L2.E5", "Write the lesson's scoring rule", ExerciseKind.Code, 3,
            """
            Write the lesson's priority score as a function: **0.5 × product value + 0.3 × stability − 0.2 ×
            engineering cost**, unrounded. Do it with arithmetic on the thread's properties (not with
            `WeightedRanking`). The checker calls your function on the four threads, and the instructor's checks
            call it on other threads too.

            ```csharp
            Func<ImageThread, decimal> score = thread => …;
            ```
            """,
            [
                "`thread.ProductValue`, `thread.Stability` and `thread.EngineeringCost` are whole numbers; multiply them by decimal weights such as `0.5m`.",
                "A higher engineering cost must lower the score.",
                "Do not round: the checker compares exact values.",
            ],
            [
                Check.On<ProbeResult[]>("right score for the four threads", 2, results => CheckResult.FirstProblem(
                    results.Where(r => IsLessonThread(r)).Select(ScoreProblem)
                        .Prepend(results.Count(IsLessonThread) < Threads.Count ? "The checker could not call your function on all four threads." : null))),
            ],
            new FunctionShape<ImageThread, decimal>("score",
                "Func<ImageThread, decimal> score = thread => throw new NotImplementedException(\"YOUR ANSWER HERE\");",
                CourseData.ImageThreads())),

        new("L2.E6", "An evidence card for one generated image", ExerciseKind.Structured, 4,
            """
            Fill in an image-generation evidence card for one image you generated (or simulated on paper). Every
            field needs a specific entry of at least 6 words; `card.Check()` tells you which fields are still empty.

            ```csharp
            var card = new ImageGenerationEvidenceCard(
                PromptRecord: "…", CandidateOutputs: "…", TechnicalNote: "…",
                FailureCheck: "…", ExpectedOutput: "…");
            ```
            """,
            [
                "Run `card.Check()` to see what is still missing, and read each field's guidance in `card.Fields`.",
                "Be specific: the prompt with its negative requirements and seed, the candidates and why you kept one, the technique used.",
                "For the failure check, name the failure you looked for (prompt drift, style mismatch, artifacts, copyright, portrait rights, review).",
            ],
            [
                Check.On<EvidenceCardData>("every field filled", 2, card =>
                    card.Missing.Count == 0
                        ? CheckResult.Pass()
                        : CheckResult.Fail($"card.Check() reports these fields missing or empty: {string.Join(", ", card.Missing)}. Fill every field.")),
                Check.On<EvidenceCardData>("every field is specific", 1, card => CheckResult.FirstProblem(
                    card.Fields.Where(f => !string.IsNullOrWhiteSpace(f.Value))
                        .Select(f => Rules.TooShort($"The field {f.Key}", f.Value, CardFieldWords, "that a reviewer could act on")))),
            ],
            new EvidenceCardShape<CourseKit.Evidence.ImageGenerationEvidenceCard>("card", "var card = new ImageGenerationEvidenceCard();")),

        new("L2.E7", "How far can the product-value weight drop?", ExerciseKind.Computed, 2,
            """
            With the lesson's weights (product value 0.5, stability 0.3, engineering cost −0.2), one thread is on
            top. Keep the other two weights fixed and **lower the product_value weight**. At which weight value
            does another thread take the top, and which thread is it? Give the weight to 2 decimals.

            ```csharp
            var flip = new WeightFlip(Criterion: "product_value", Threshold: …m, NewTop: "…");
            ```
            """,
            [
                "`Sensitivity.TopItemRange(items, Weights.ImagePriority, \"product_value\")` returns the range over which today's top item stays on top.",
                "Lowering the weight moves you towards the range's lower bound; the range also names who leads past it.",
            ],
            SharedChecks.Flip(() =>
            {
                var range = Sensitivity.TopItemRange(Threads.Select(t => t.ToRankingItem()), Weights.ImagePriority, "product_value");
                return ("product_value", range.Lower!.Value, range.LeaderBelow!);
            }, criterionIsGiven: true),
            new ValueShape<WeightFlip>("flip", "WeightFlip flip = null;")),
    ];

    public static bool IsLessonThread(ProbeResult result) =>
        result.Input is not null && Threads.Contains(result.Input.Deserialize<ImageThread>(AnswerJson.Options)!);

    /// <summary>What is wrong with one call of the learner's scoring function, or null.</summary>
    public static string? ScoreProblem(ProbeResult result)
    {
        var thread = result.Input!.Deserialize<ImageThread>(AnswerJson.Options)!;
        if (result.Error is not null)
            return $"Your function threw {result.Error} for '{thread.Name}'; it should return a number for every thread.";
        var given = result.Output!.GetValue<decimal>();
        return given == SeedScore(thread)
            ? null
            : $"For '{thread.Name}' your function returns {given}, which is not what the lesson's rule gives. Use all three criteria with their weights; a higher engineering cost must lower the score, and nothing is rounded.";
    }
}
