using System.Text.Json.Nodes;
using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Model;
using CourseKit.Judgment;

namespace CourseKit.Exercises.Catalog;

/// <summary>Lesson 3, the next wave of generative AI (seed 002): totals, a radar you build, a short judgment.</summary>
public static class Lesson3
{
    /// <summary>The trends the radar exercise draws.</summary>
    public static readonly string[] RadarTrends = ["multimodal_ai", "ai_agents", "efficient_ai"];

    public static IReadOnlyList<TrendScores> RadarScores =>
        Scoring.NewTrends().Where(t => RadarTrends.Contains(t.Trend)).Select(t => t.Scores).ToList();

    public static IReadOnlyList<Exercise> All { get; } =
    [
        new("L3.E1", "Totals and strongest change for the new trends", ExerciseKind.Computed, 4,
            """
            The course scored the seven trends of this lesson on the four dimensions
            (`CourseData.CourseTrends()`, the rows whose `Source` is `"seed-002"`). For every trend give its
            **total** of the four scores and its **strongest change**, as a `TrendTotal[]` in any order. When two
            dimensions tie for the highest score, the earlier one in the order Capability, Cost impact, New
            interaction, Workflow change counts.

            ```csharp
            TrendTotal[] totals = [ new("multimodal_ai", total, Dimension.…), … ];
            ```
            """,
            [
                "Each row's `Scores` holds the four values; `Scores.Values` lists them in the course's order.",
                "`FourDimensionCheck.Evaluate(row.Scores)` gives a verdict with `Total` and `StrongestChange`.",
                "Use the trend keys (`row.Trend`, e.g. `efficient_ai`) as names.",
            ],
            SharedChecks.Totals(() => Scoring.NewTrends().Select(t => t.Scores).ToList()),
            new ValueShape<TrendTotal[]>("totals", "TrendTotal[] totals = null;")),

        new("L3.E2", "Draw the radar yourself", ExerciseKind.Code, 5,
            """
            Build a radar chart of `multimodal_ai`, `ai_agents` and `efficient_ai` yourself, with
            `PlotlyObject.Trace("scatterpolar", …)`, `PlotlyObject.Layout(…)` and `PlotlyObject.Chart(…)` (not
            `Charts.Radar`). One trace per trend, named by its key; the four dimensions as the angular labels; each
            outline **closed**; the radial axis fixed to **0–10**. The checker reads the chart's data, not its
            pixels.

            ```csharp
            GenericChart radar = PlotlyObject.Chart(traces, layout);
            ```
            """,
            [
                "A trace needs `r` (the scores) and `theta` (the dimension labels) of the same length.",
                "An outline is closed when its last point repeats its first, in both `r` and `theta`.",
                "Fix the axis in the layout: `(\"polar\", PlotlyObject.Of((\"radialaxis\", PlotlyObject.Of((\"range\", new[] { 0, 10 })))))`.",
            ],
            [
                Check.On<JsonObject>("one trace per trend, named by its key", 1, figure => CheckResult.FirstProblem(
                    SharedChecks.SameItems(Traces(figure).Select(t => (string?)t["name"] ?? "(unnamed)").ToList(), RadarTrends, "trend")
                        .Prepend(Traces(figure).Any(t => (string?)t["type"] != "scatterpolar") ? "Every trace should be a \"scatterpolar\" trace." : null))),
                Check.On<JsonObject>("every outline is closed", 1, figure => CheckResult.FirstProblem(
                    Traces(figure).Select(t =>
                    {
                        var r = Numbers(t["r"]);
                        var theta = Labels(t["theta"]);
                        return r.Count >= 2 && theta.Count >= 2 && r[0] == r[^1] && theta[0] == theta[^1]
                            ? null
                            : $"The outline of '{(string?)t["name"]}' is open: repeat its first point at the end of both r and theta.";
                    }))),
                Check.On<JsonObject>("the four dimensions as labels", 1, figure => CheckResult.FirstProblem(
                    Traces(figure).Select(t =>
                    {
                        var labels = Labels(t["theta"]).Distinct().ToList();
                        var known = labels.Count(l => Rules.TryParseDimension(l, out _));
                        var distinct = labels.Select(l => Rules.TryParseDimension(l, out var d) ? d.ToString() : l).Distinct().Count();
                        return known == 4 && distinct == 4 && labels.Count == 4
                            ? null
                            : $"'{(string?)t["name"]}' has the labels [{string.Join(", ", labels)}]; use the four dimensions, each once per lap: Capability, Cost impact, New interaction, Workflow change.";
                    }))),
                Check.On<JsonObject>("radial axis fixed to 0–10", 1, figure =>
                {
                    var range = Numbers(figure["layout"]?["polar"]?["radialaxis"]?["range"]);
                    return range is [0, 10]
                        ? CheckResult.Pass()
                        : CheckResult.Fail(range.Count == 0
                            ? "The radial axis has no fixed range, so Plotly scales it to the data; set layout.polar.radialaxis.range to the scores' full scale."
                            : $"The radial axis runs over [{string.Join(", ", range)}]; it should cover the full score scale the course uses.");
                }),
                Check.On<JsonObject>("each score on its own spoke", 1, figure => CheckResult.FirstProblem(
                    Traces(figure).Select(t =>
                    {
                        var trend = RadarScores.FirstOrDefault(s => Rules.SameName(s.Name, (string?)t["name"]));
                        if (trend is null) return null;
                        var r = Numbers(t["r"]);
                        var theta = Labels(t["theta"]);
                        for (var i = 0; i < Math.Min(r.Count, theta.Count); i++)
                        {
                            if (Rules.TryParseDimension(theta[i], out var d) && trend[d] != r[i])
                                return $"In '{trend.Name}' the value at '{theta[i]}' is {r[i]}, which is not that trend's score on this dimension; look it up in the course table and keep r and theta in the same order.";
                        }
                        return null;
                    }))),
            ],
            new ChartShape("radar", "GenericChart radar = null;")),

        Rules.FreeText("L3.E3", "A score you would change", 2,
            "Pick one of this lesson's seven trends and one of its four course scores you disagree with. Which score, what would you give instead, and what evidence makes you think so?",
            30, "disagreement",
            "Start from the row's rationale in the course table and look for what it leaves out.",
            "Name the evidence: a product you have seen, a cost you know, a workflow you have watched change."),
    ];

    private static IReadOnlyList<JsonNode> Traces(JsonObject figure) =>
        (figure["data"] as JsonArray ?? []).OfType<JsonNode>().ToList();

    private static List<decimal> Numbers(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : decimal.MinValue).ToList();

    private static List<string> Labels(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n?.ToString() ?? "").ToList();
}
