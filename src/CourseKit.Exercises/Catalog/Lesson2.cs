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
        new("L2.E1", "Re-rank the four threads and explain why", ExerciseKind.Structured, 3,
            """
            The lesson's weights put controllable editing first. Re-rank the four main threads by **your own
            understanding** of what matters, for a product goal you name (a consumer creative app, an image
            infrastructure service, a professional media studio …), and **explain why** — above all why your first
            thread comes first. Use the exact names from `CourseData.ImageThreads()`, first place first.

            ```csharp
            var myOrder = new ReRanking(
                Goal: "…",
                Order: ["…", "…", "…", "…"],
                Why: "…");
            ```
            """,
            [
                "Start from the goal: what does that product's user do every day, and which thread makes that easier?",
                "A good order depends on the goal: a creative tool, an infrastructure service and a media studio can rank the same four threads differently.",
                "In the explanation, say what your first thread gives that goal and why the last one can wait.",
            ],
            [
                Check.On<ReRanking>("all four threads, each once", 1, r => CheckResult.FirstProblem(
                    SharedChecks.SameItems(r.Order ?? [], Threads.Select(t => t.Name).ToList(), "thread"))),
                Check.On<ReRanking>("a goal and a reason", 1, r => CheckResult.FirstProblem(
                [
                    Rules.TooShort("Your goal", r.Goal, 2, "that name the product you rank for"),
                    Rules.TooShort("Your explanation", r.Why, ReasonWords, "that say why your order fits that goal"),
                ])),
                Check.On<ReRanking>("the reason speaks to your first place", 1, r =>
                {
                    var first = r.Order is { Length: > 0 } ? Threads.FirstOrDefault(t => Rules.SameName(t.Name, r.Order[0])) : null;
                    if (first is null) return CheckResult.Fail("Put one of the four threads in first place; your explanation is read against it.");
                    return Rules.Mentions(r.Why, ThreadWords(first.Name))
                        ? CheckResult.Pass()
                        : CheckResult.Fail($"Your explanation never mentions what your first thread, '{first.Name}', is about. Say why it comes first for your goal.");
                }),
            ],
            new ValueShape<ReRanking>("myOrder", "ReRanking myOrder = null;")),

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

        new("L2.E5", "Argue for a weight change", ExerciseKind.Structured, 4,
            """
            Pick a real kind of team (say, a start-up paying for every GPU-hour, or a studio that cannot ship a
            broken image) and choose **its** weights for the three criteria, so that a thread **other than**
            controllable editing leads. Name the thread your weights put first, and defend the weights in at least
            30 words: why would that team weigh the criteria this way? Check your claim with
            `WeightedRanking.Rank` before you answer.

            ```csharp
            var argument = new WeightArgument(Team: "…", ProductValue: …m, Stability: …m, EngineeringCost: …m,
                NewTop: "…", Why: "…");
            ```
            """,
            [
                "Start from what the team pays for or fears most, then turn that into a bigger or smaller weight.",
                "Engineering cost is a drawback: a team that charges for it gives it a negative weight.",
                "Rank with your weights (`new Weights((\"product_value\", …m), (\"stability\", …m), (\"engineering_cost\", …m))`) and read place 1; a tie shares first place and does not count as leading.",
            ],
            [
                Check.On<WeightArgument>("cost counted as a cost", 1, w =>
                    w.EngineeringCost < 0
                        ? CheckResult.Pass()
                        : CheckResult.Fail($"Your engineering-cost weight is {w.EngineeringCost}, so a thread that is harder to build would score higher. A real team charges for cost: give it a negative weight.")),
                Check.On<WeightArgument>("your weights put your thread alone on top", 1, w => CheckResult.FirstProblem([WeightsProblem(w)])),
                Check.On<WeightArgument>("the argument names the team and defends the weights", 2, w => CheckResult.FirstProblem(
                [
                    Rules.TooShort("Your team", w.Team, 2, "that say who holds these weights"),
                    Rules.TooShort("Your argument", w.Why, 30, "that say why this team weighs value, stability and cost this way"),
                ])),
            ],
            new ValueShape<WeightArgument>("argument", "WeightArgument argument = null;")),

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

        new("L2.E7", "Which evidence would change the ranking?", ExerciseKind.Structured, 3,
            """
            With the lesson's weights, controllable editing leads faster sampling by 0.3. Scores are judgments, so
            new evidence can move them. Choose **one** score of **one** thread that, re-judged on evidence you can
            imagine finding, would put **another thread alone on top** — and describe that evidence in at least
            20 words (what you would see, where, and why it justifies the new score). Criteria are
            `product_value`, `engineering_cost` and `stability`; scores stay 0–10.

            ```csharp
            var evidence = new ScoreEvidence(Thread: "…", Criterion: "…", NewScore: …, Evidence: "…");
            ```
            """,
            [
                "Look at the contribution of each criterion: a one-point change moves a score by the criterion's weight.",
                "You can raise a rival or lower the leader; remember that engineering cost counts against a thread.",
                "Re-rank with the changed score; a tie shares first place and does not take the top.",
            ],
            [
                Check.On<ScoreEvidence>("a real thread, criterion and score", 1, e => CheckResult.FirstProblem([EvidenceInputProblem(e)])),
                Check.On<ScoreEvidence>("the change puts another thread alone on top", 1, e =>
                    EvidenceInputProblem(e) is not null
                        ? CheckResult.Fail("Fix the thread, criterion or score first; the new ranking is worked out from them.")
                        : CheckResult.FirstProblem([EvidenceRankingProblem(e)])),
                Check.On<ScoreEvidence>("the evidence is described", 1, e => CheckResult.FirstProblem(
                [
                    Rules.TooShort("Your evidence", e.Evidence, 20, "that say what you would see and why it justifies the new score"),
                ])),
            ],
            new ValueShape<ScoreEvidence>("evidence", "ScoreEvidence evidence = null;")),
    ];

    public const int ReasonWords = 30;

    public static readonly string[] Criteria = ["product_value", "engineering_cost", "stability"];

    /// <summary>Words that show an explanation is about a given thread.</summary>
    public static string[] ThreadWords(string thread) => thread switch
    {
        "faster sampling" => ["sampling", "speed", "fast", "latency", "quick", "real-time", "iterat"],
        "stronger controllable editing" => ["control", "edit", "consisten", "repeatab", "predictab", "mask"],
        "unified multimodal input" => ["multimodal", "input", "sketch", "layout", "modalit"],
        _ => ["video", "3d", "multi-view", "asset"],
    };

    /// <summary>What is wrong with a weight argument's claimed leader, or null.</summary>
    public static string? WeightsProblem(WeightArgument w)
    {
        var ranked = WeightedRanking.Rank(Threads.Select(t => t.ToRankingItem()),
            new Weights(("product_value", w.ProductValue), ("stability", w.Stability), ("engineering_cost", w.EngineeringCost)));
        var leaders = ranked.Where(r => r.Rank == 1).ToList();
        if (!Threads.Any(t => Rules.SameName(t.Name, w.NewTop)))
            return $"'{w.NewTop}' is not one of the four threads; copy a name exactly from CourseData.ImageThreads().";
        if (leaders.Count > 1)
            return "With your weights two threads share first place, and a tie does not make a leader. Move one weight a little further.";
        if (Rules.SameName(leaders[0].Name, "stronger controllable editing"))
            return "With your weights controllable editing still leads. The task asks for weights under which another thread leads.";
        return Rules.SameName(leaders[0].Name, w.NewTop)
            ? null
            : $"With your weights, '{w.NewTop}' is not in first place. Rank the threads with exactly these weights and read place 1.";
    }

    public static string? EvidenceInputProblem(ScoreEvidence e)
    {
        if (!Threads.Any(t => Rules.SameName(t.Name, e.Thread)))
            return $"'{e.Thread}' is not one of the four threads; copy a name exactly from CourseData.ImageThreads().";
        if (!Criteria.Any(c => Rules.SameName(c, e.Criterion)))
            return $"'{e.Criterion}' is not one of the criteria; use product_value, engineering_cost or stability.";
        if (e.NewScore is < 0 or > 10)
            return $"The new score is {e.NewScore}; scores run from 0 to 10.";
        var thread = Threads.First(t => Rules.SameName(t.Name, e.Thread));
        var criterion = Criteria.First(c => Rules.SameName(c, e.Criterion));
        return thread.ToRankingItem()[criterion] == e.NewScore
            ? $"{e.NewScore} is already the {criterion} score of '{thread.Name}'; the evidence has to change a score."
            : null;
    }

    public static string? EvidenceRankingProblem(ScoreEvidence e)
    {
        var criterion = Criteria.First(c => Rules.SameName(c, e.Criterion));
        var items = Threads.Select(t => Rules.SameName(t.Name, e.Thread)
            ? new RankingItem(t.Name, t.ToRankingItem().Criteria.Select(c => c.Name == criterion ? new Criterion(c.Name, e.NewScore) : c))
            : t.ToRankingItem());
        var ranked = WeightedRanking.Rank(items, Weights.ImagePriority);
        var leaders = ranked.Where(r => r.Rank == 1).ToList();
        if (leaders.Count > 1)
            return "With that change two threads share first place; by the course's tie rule a tie shares the place and does not take the top. Change the score a little more.";
        return Rules.SameName(leaders[0].Name, "stronger controllable editing")
            ? $"With that change controllable editing still leads. Work out how much {criterion} adds per point (its weight) and how far the gap has to close."
            : null;
    }
}
