using System.Text.Json.Nodes;
using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Model;
using CourseKit.Data;
using CourseKit.Judgment;
using CourseKit.TrendMap;

namespace CourseKit.Exercises.Catalog;

/// <summary>Lesson 3, the next wave of generative AI (seed 002): break a tie, place a missing trend on the map, a short judgment.</summary>
public static class Lesson3
{
    /// <summary>The trends the radar exercise draws.</summary>
    public static readonly string[] RadarTrends = ["multimodal_ai", "ai_agents", "efficient_ai"];

    public static IReadOnlyList<TrendScores> RadarScores =>
        Scoring.NewTrends().Where(t => RadarTrends.Contains(t.Trend)).Select(t => t.Scores).ToList();

    public static IReadOnlyList<Exercise> All { get; } =
    [
        new("L3.E1", "Two trends tie: which first?", ExerciseKind.Structured, 3,
            """
            In lesson 3's ranking, **efficient AI** and **open-source models** tie at a total of 24. A start-up with
            a small budget can only bet on one of them this year. Which one should it take first? Name the
            **dimension** that decides it for you — it must be one on which the two trends really differ in the
            course table — and explain your choice in at least 25 words.

            ```csharp
            var tieBreak = new TieBreak(First: "…", Deciding: Dimension.…, Why: "…");
            ```
            """,
            [
                "Put the two rows of the course table side by side and compare them dimension by dimension.",
                "Only a dimension where their scores differ can separate them, and the trend you pick should be the one it favours.",
                "In the explanation, connect that dimension to the start-up's situation: what does it need most this year?",
            ],
            [
                Check.On<TieBreak>("one of the two tied trends", 1, t =>
                    TiedPair.Any(p => Rules.SameName(p.Trend, t.First) || Rules.SameName(p.Title, t.First))
                        ? CheckResult.Pass()
                        : CheckResult.Fail($"'{t.First}' is not one of the two trends tied at 24; use the key or title of one of them from the course table.")),
                Check.On<TieBreak>("the deciding dimension separates them, in your trend's favour", 1, t => CheckResult.FirstProblem([TieBreakProblem(t)])),
                Check.On<TieBreak>("the choice is explained", 1, t => CheckResult.FirstProblem(
                [
                    Rules.TooShort("Your explanation", t.Why, 25, "that connect the deciding dimension to the start-up"),
                ])),
            ],
            new ValueShape<TieBreak>("tieBreak", "TieBreak tieBreak = null;")),

        new("L3.E2", "Place a trend the article leaves out", ExerciseKind.Structured, 4,
            """
            The article lists seven trends; it leaves others out. Pick one it does **not** list (for example AI
            coding assistants, synthetic voices, AI search) and do what the lesson did for each of the seven:
            place it on one of the trend map's six main lines (Capability boundaries, Workflow form, Cost efficiency,
            Interaction speed, Deployment location, System organization), score it 0–10 on the four dimensions, and
            explain the placement and the scores in at least 25 words.

            ```csharp
            var placement = new MapPlacement(Trend: "…", MainLine: "…",
                Ability: …, CostImpact: …, NewInteraction: …, WorkflowChange: …, Why: "…");
            ```
            """,
            [
                "Ask the four questions of lesson 1's table about your trend before you write any number.",
                "The main line is usually where the trend changes most; if you place it elsewhere, say why.",
                "Copy the main line's name exactly as the prompt lists it.",
            ],
            [
                Check.On<MapPlacement>("a new trend on a real main line", 1, m => CheckResult.FirstProblem(
                [
                    string.IsNullOrWhiteSpace(m.Trend) ? "Name the trend you placed in Trend." : null,
                    Scoring.NewTrends().Any(t => Rules.SameName(t.Trend, m.Trend) || Rules.SameName(t.Title, m.Trend))
                        ? $"'{m.Trend}' is one of the article's seven; the lesson already placed it. Pick a trend the article leaves out." : null,
                    MainLineProblem(m),
                ])),
                Check.On<MapPlacement>("scores from 0 to 10", 1, m => CheckResult.FirstProblem(PlacementScores(m).Select(d => Rules.ScoreProblem(d.Label, d.Score)))),
                Check.On<MapPlacement>("placement agrees with the scores", 1, m => CheckResult.FirstProblem([PlacementProblem(m)])),
                Check.On<MapPlacement>("placement and scores explained", 1, m => CheckResult.FirstProblem(
                [
                    Rules.TooShort("Your explanation", m.Why, 25, "that say why it belongs on that main line and where its scores come from"),
                ])),
            ],
            new ValueShape<MapPlacement>("placement", "MapPlacement placement = null;")),

        Rules.FreeText("L3.E3", "A score you would change", 2,
            "Pick one of this lesson's seven trends and one of its four course scores you disagree with. Which score, what would you give instead, and what evidence makes you think so?",
            30, "disagreement",
            "Start from the row's rationale in the course table and look for what it leaves out.",
            "Name the evidence: a product you have seen, a cost you know, a workflow you have watched change."),
    ];

    /// <summary>The two seed-002 trends tied at 24.</summary>
    public static IReadOnlyList<TrendRecord> TiedPair =>
        Scoring.NewTrends().Where(t => t.Trend is "efficient_ai" or "open_source_models").ToList();

    public static string? TieBreakProblem(TieBreak t)
    {
        var first = TiedPair.FirstOrDefault(p => Rules.SameName(p.Trend, t.First) || Rules.SameName(p.Title, t.First));
        if (first is null) return "Choose one of the two tied trends first; the deciding dimension is read against it.";
        var other = TiedPair.First(p => p != first);
        if (!Enum.IsDefined(t.Deciding)) return "Choose the deciding dimension with one of the Dimension values.";
        var (mine, theirs) = (first.Scores[t.Deciding], other.Scores[t.Deciding]);
        if (mine == theirs)
            return $"On {t.Deciding.Label()} the two trends score the same ({mine}), so it cannot separate them. Pick a dimension where their scores differ.";
        return mine > theirs
            ? null
            : $"On {t.Deciding.Label()}, '{first.Trend}' scores lower than '{other.Trend}'. The trend you put first should be the one your deciding dimension favours; change the trend or the dimension.";
    }

    /// <summary>Main lines that stand for one dimension; the other two (deployment, system organization) span several.</summary>
    public static Dimension? DimensionOf(string mainLine) => mainLine switch
    {
        "Capability boundaries" => Dimension.Ability,
        "Cost efficiency" => Dimension.CostImpact,
        "Interaction speed" => Dimension.NewInteraction,
        "Workflow form" => Dimension.WorkflowChange,
        _ => null,
    };

    public static IEnumerable<(Dimension Dimension, string Label, int Score)> PlacementScores(MapPlacement m) =>
    [
        (Dimension.Ability, "Capability", m.Ability),
        (Dimension.CostImpact, "Cost impact", m.CostImpact),
        (Dimension.NewInteraction, "New interaction", m.NewInteraction),
        (Dimension.WorkflowChange, "Workflow change", m.WorkflowChange),
    ];

    public static string? MainLineProblem(MapPlacement m) =>
        AigcTrendMap.MainLines.Any(l => Rules.SameName(l.Name, m.MainLine))
            ? null
            : $"'{m.MainLine}' is not one of the trend map's six main lines; copy a name from AigcTrendMap.MainLines.";

    /// <summary>A trend placed on a one-dimension main line should not score lowest on that dimension.</summary>
    public static string? PlacementProblem(MapPlacement m)
    {
        var line = AigcTrendMap.MainLines.FirstOrDefault(l => Rules.SameName(l.Name, m.MainLine));
        if (line is null) return "Place the trend on one of the six main lines first.";
        var dimension = DimensionOf(line.Name);
        if (dimension is null) return null;
        var scores = PlacementScores(m).ToList();
        var onLine = scores.First(s => s.Dimension == dimension).Score;
        return onLine == scores.Min(s => s.Score) && scores.Any(s => s.Score > onLine)
            ? $"You placed it on {line.Name}, but {scores.First(s => s.Dimension == dimension).Label} is its lowest score. A main line is usually where a trend changes most: revisit the placement or the scores."
            : null;
    }

    private static IReadOnlyList<JsonNode> Traces(JsonObject figure) =>
        (figure["data"] as JsonArray ?? []).OfType<JsonNode>().ToList();

    private static List<decimal> Numbers(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : decimal.MinValue).ToList();

    private static List<string> Labels(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n?.ToString() ?? "").ToList();
}
