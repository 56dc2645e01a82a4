using CourseKit.Data;
using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Model;
using CourseKit.Judgment;

namespace CourseKit.Exercises.Catalog;

/// <summary>
/// Lesson 4, the 2026 outlook (seed 003): place a 2025 milestone on the trend map and score it, argue which
/// evidence would move an outlook in the ranking, a short judgment.
/// </summary>
public static class Lesson4
{
    /// <summary>The 2025 milestones lesson 4 names (models, releases and deployment advances), as a learner may spell them.</summary>
    public static readonly string[] Milestones2025 =
    [
        "Sora", "Veo", "Nano Banana", "PaddleOCR-VL", "DeepSeek-OCR", "World Labs", "Marble", "Genie", "Cosmos",
        "world model", "GPT-4o", "Kimi-Audio", "Step-Audio-R1", "speech model", "mixture-of-experts", "MoE",
        "DeepSeek R1", "Qwen Omni", "千问 Omni", "VRDU-OCR", "SmolLM", "Olmo", "NanoChat", "Coze",
        "custom chip", "quantization", "quantisation", "domestic chip", "all-in-one machine", "accelerated server",
        "Oracle", "Alibaba", "Huawei",
    ];

    public static IReadOnlyList<Exercise> All { get; } =
    [
        new("L4.E1", "Place a 2025 milestone on the trend map", ExerciseKind.Structured, 3,
            """
            The lesson reviews what 2025 brought — multimodal, world and speech models, open-source releases,
            deployment hardware and software — and only sketches which main lines those milestones move. Pick
            **one** milestone the lesson names (a system such as Genie or DeepSeek-OCR, an open release such as
            SmolLM, or a deployment advance such as custom chips) and judge it the way the lesson judged each 2026
            outlook: place it on one of the trend map's six main lines (Capability boundaries, Workflow form, Cost
            efficiency, Interaction speed, Deployment location, System organization), score it 0–10 on the four
            dimensions, and explain the placement and the scores in at least 25 words.

            ```csharp
            var milestone = new MapPlacement(Trend: "…", MainLine: "…",
                Ability: …, CostImpact: …, NewInteraction: …, WorkflowChange: …, Why: "…");
            ```
            """,
            [
                "Reread the lesson's 2025 review and its small table of milestones and main lines; pick one milestone and ask lesson 1's four questions about it.",
                "The main line is usually where the milestone changes most. If your highest score sits on another dimension, either move the milestone or say in your explanation why it still belongs there.",
                "Copy the main line's name exactly as the prompt lists it, and name the milestone as the lesson does.",
            ],
            [
                Check.On<MapPlacement>("a 2025 milestone from the lesson on a real main line", 1, m => CheckResult.FirstProblem(
                [
                    MilestoneProblem(m.Trend),
                    Lesson3.MainLineProblem(m),
                ])),
                Check.On<MapPlacement>("scores from 0 to 10 that agree with the placement", 1, m => CheckResult.FirstProblem(
                [
                    .. Lesson3.PlacementScores(m).Select(d => Rules.ScoreProblem(d.Label, d.Score)),
                    Lesson3.PlacementProblem(m),
                ])),
                Check.On<MapPlacement>("placement and scores explained", 1, m => CheckResult.FirstProblem(
                [
                    Rules.TooShort("Your explanation", m.Why, 25, "that say why the milestone belongs on that main line and where its scores come from"),
                ])),
            ],
            new ValueShape<MapPlacement>("milestone", "MapPlacement milestone = null;")),

        new("L4.E2", "Which evidence would move an outlook?", ExerciseKind.Structured, 3,
            """
            The lesson's totals chart ranks the four 2026 outlooks by their course scores. Those scores are
            judgments about a forecast, so evidence from 2026 can move them. Choose **one** outlook and **one** of
            its four scores that evidence you can imagine finding would change enough to move the outlook to
            **another place** among the four — up or down. By the course's tie rule, equal totals share a place.
            Give the new score, the place the outlook then takes, and describe the evidence in at least 25 words:
            what you would see, where, and why it justifies the new score.

            ```csharp
            var outlookEvidence = new OutlookEvidence(Outlook: "…", Dimension: Dimension.…, NewScore: …,
                NewPlace: …, Evidence: "…");
            ```
            """,
            [
                "Start from the lesson's table of the four outlooks: each total is the sum of four scores, so a new score changes the total by the difference.",
                "Find the gap to the neighbour above (to move up) or below (to move down). Reaching a tie with the outlook above shares its place; falling to a tie with the one below does not move you down.",
                "Make the evidence concrete: a price, a deployment, a benchmark on real data, a product launch — and say which dimension it speaks to.",
            ],
            [
                Check.On<OutlookEvidence>("a real outlook, dimension and new score", 1, e => CheckResult.FirstProblem([EvidenceInputProblem(e)])),
                Check.On<OutlookEvidence>("the change moves the outlook to the place you name", 1, e =>
                    EvidenceInputProblem(e) is not null
                        ? CheckResult.Fail("Fix the outlook, dimension or score first; the new place is worked out from them.")
                        : CheckResult.FirstProblem([PlaceProblem(e)])),
                Check.On<OutlookEvidence>("the evidence is described", 1, e => CheckResult.FirstProblem(
                [
                    Rules.TooShort("Your evidence", e.Evidence, 25, "that say what you would see, where, and why it justifies the new score"),
                ])),
            ],
            new ValueShape<OutlookEvidence>("outlookEvidence", "OutlookEvidence outlookEvidence = null;")),

        Rules.FreeText("L4.E3", "The outlook you would watch first", 2,
            "If you led a ToB AI team, which of the four 2026 outlooks would you watch first, and what evidence in the next six months would change your mind?",
            40, "watchFirst",
            "Start from what the ToC/ToB outlook says businesses need, and from each outlook's strongest change in the lesson.",
            "Name concrete evidence: a price drop, a deployment story, a benchmark on your own data, a regulation — as in L4.E2."),
    ];

    /// <summary>Why a placed name is not a 2025 milestone of the lesson, or null when it is one.</summary>
    public static string? MilestoneProblem(string? trend)
    {
        if (string.IsNullOrWhiteSpace(trend)) return "Name the milestone you placed in Trend.";
        var outlook = Scoring.Outlooks().FirstOrDefault(t => Rules.SameName(t.Trend, trend) || Rules.SameName(t.Title, trend));
        if (outlook is not null)
            return $"'{trend}' is one of the four 2026 outlooks; the lesson already placed it. Pick a milestone of 2025 from the lesson's review.";
        var earlier = CourseData.AllTrends().FirstOrDefault(t => Rules.SameName(t.Trend, trend) || Rules.SameName(t.Title, trend));
        if (earlier is not null)
            return $"'{trend}' is a trend the course already placed in an earlier lesson. Pick a milestone of 2025 from lesson 4's review.";
        var name = Rules.Normalize(trend);
        return Milestones2025.Any(m => name.Contains(Rules.Normalize(m), StringComparison.Ordinal))
            ? null
            : $"'{trend}' is not one of the 2025 milestones lesson 4 reviews. Name a model, open release or deployment advance as the lesson does.";
    }

    /// <summary>The outlook an answer names, by key or title.</summary>
    public static TrendRecord? OutlookNamed(string? name) =>
        Scoring.Outlooks().FirstOrDefault(t => Rules.SameName(t.Trend, name) || Rules.SameName(t.Title, name));

    public static string? EvidenceInputProblem(OutlookEvidence e)
    {
        var outlook = OutlookNamed(e.Outlook);
        if (outlook is null)
            return $"'{e.Outlook}' is not one of the four 2026 outlooks; copy a key or title from the lesson's table.";
        if (!Enum.IsDefined(e.Dimension))
            return "Choose the dimension with one of the Dimension values.";
        if (e.NewScore is < TrendScores.Min or > TrendScores.Max)
            return $"The new score is {e.NewScore}; scores run from {TrendScores.Min} to {TrendScores.Max}.";
        return outlook.Scores[e.Dimension] == e.NewScore
            ? $"{e.NewScore} is already the {e.Dimension.Label()} score of '{outlook.Trend}'; the evidence has to change a score."
            : null;
    }

    /// <summary>An outlook's place among the four by total: 1 + how many total strictly more (equal totals share a place).</summary>
    public static int PlaceOf(string trend, IReadOnlyList<(string Trend, int Total)> totals)
    {
        var mine = totals.First(t => t.Trend == trend).Total;
        return 1 + totals.Count(t => t.Total > mine);
    }

    public static string? PlaceProblem(OutlookEvidence e)
    {
        var outlook = OutlookNamed(e.Outlook)!;
        var before = Scoring.Outlooks().Select(t => (t.Trend, t.Verdict.Total)).ToList();
        var after = before.Select(t => t.Trend == outlook.Trend ? (t.Trend, t.Total - outlook.Scores[e.Dimension] + e.NewScore) : t).ToList();
        var (oldPlace, newPlace) = (PlaceOf(outlook.Trend, before), PlaceOf(outlook.Trend, after));
        if (oldPlace == newPlace)
            return $"With that change '{outlook.Trend}' still holds place {oldPlace} of the four. Work out the gap between its total and its neighbour's, and remember that a tie shares the place.";
        return newPlace == e.NewPlace
            ? null
            : $"With that change '{outlook.Trend}' does move, but not to place {e.NewPlace}. Add its four scores again, compare the new total with the other three outlooks and count; equal totals share a place.";
    }
}
