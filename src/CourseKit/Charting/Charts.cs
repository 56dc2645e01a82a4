using CourseKit.Data;
using CourseKit.Judgment;
using CourseKit.Ranking;
using Plotly.NET;

namespace CourseKit.Charting;

/// <summary>
/// The one-line charts a notebook cell calls, e.g. <c>Charts.Radar(trends)</c>.
/// Each returns a Plotly.NET <see cref="GenericChart"/>; show it with the notebook's formatter or
/// save it with <see cref="ChartHtml.SavePage"/>.
/// </summary>
public static class Charts
{
    public const string DefaultRankingTitle = "Priority ranking";
    public const string DefaultTotalsTitle = "Four-dimension totals";

    /// <summary>The trends' four-dimension scores as overlaid radar polygons on a 0–10 scale.</summary>
    public static GenericChart Radar(params TrendScores[] trends) => RadarChart.Build(trends);

    /// <summary>The trends' four-dimension scores as overlaid radar polygons on a 0–10 scale.</summary>
    public static GenericChart Radar(IEnumerable<TrendScores> trends) => RadarChart.Build(trends);

    /// <summary>
    /// The trends of the course data as overlaid radar polygons, each named by its readable title, plus any
    /// trends of your own (named by their own names).
    /// </summary>
    public static GenericChart Radar(IEnumerable<TrendRecord> trends, string title, params TrendScores[] mine)
    {
        ArgumentNullException.ThrowIfNull(trends);
        return RadarChart.Build(Titled(trends).Concat(mine ?? []), title);
    }

    /// <summary>
    /// Small multiples: one small radar per trend, named by its title, on the same 0–10 scale, so many trends can
    /// be compared without their shapes covering each other.
    /// </summary>
    public static GenericChart RadarGrid(IEnumerable<TrendRecord> trends, string title, int columns = 4)
    {
        ArgumentNullException.ThrowIfNull(trends);
        return RadarChart.Grid(Titled(trends).ToList(), title, columns);
    }

    /// <summary>Items scored on other criteria (e.g. the image-generation threads) as overlaid radar polygons.</summary>
    public static GenericChart Radar(IEnumerable<RankingItem> items, string title) => RadarChart.Build(items, title);

    /// <summary>
    /// As <see cref="Radar(IEnumerable{RankingItem}, string)"/>, with every criterion that has a negative weight
    /// (a cost) labelled "higher = worse", so a long spoke on that axis is read as a drawback.
    /// </summary>
    public static GenericChart Radar(IEnumerable<RankingItem> items, string title, Weights weights) =>
        RadarChart.Build(items, title, weights);

    /// <summary>The ranked items' scores as sorted bars, highest at the top, each labelled e.g. "6.0".</summary>
    public static GenericChart Ranking(IReadOnlyList<RankedItem> ranked, string title = DefaultRankingTitle)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var bars = ranked.Select(r => new Bar(r.Name, (double)r.Score, ChartText.Score(r.Score))).ToList();
        return SortedBarChart.Build(new BarSeries(title, "Weighted score", bars));
    }

    /// <summary>The four-dimension totals (0–40) as sorted bars, highest at the top.</summary>
    public static GenericChart Totals(IEnumerable<TrendVerdict> verdicts, string title = DefaultTotalsTitle)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var bars = verdicts.Select(v => new Bar(v.Name, v.Total, ChartText.Whole(v.Total))).ToList();
        return SortedBarChart.Build(new BarSeries(title, $"Total of the four scores ({4 * TrendScores.Min}–{4 * TrendScores.Max})", bars));
    }

    /// <summary>
    /// The trends' four-dimension totals as sorted bars, each named by its readable title, plus any trends of your
    /// own. Ties follow the course's rule (<see cref="Ties"/>): tied bars keep the data order and, at the top,
    /// are all highlighted.
    /// </summary>
    public static GenericChart Totals(IEnumerable<TrendRecord> trends, string title, params TrendScores[] mine)
    {
        ArgumentNullException.ThrowIfNull(trends);
        return Totals(FourDimensionCheck.Evaluate(Titled(trends).Concat(mine ?? [])), title);
    }

    /// <summary>The trends' scores renamed by their readable titles.</summary>
    private static IEnumerable<TrendScores> Titled(IEnumerable<TrendRecord> trends) =>
        trends.Select(t => new TrendScores(t.Title, t.Scores.Ability, t.Scores.CostImpact, t.Scores.NewInteraction, t.Scores.WorkflowChange));

    /// <summary>Each criterion's weighted contribution stacked per item (costs below zero), with the net score marked.</summary>
    public static GenericChart Contributions(IReadOnlyList<RankedItem> ranked, string title = ContributionsChart.DefaultTitle) =>
        ContributionsChart.Build(ranked, title);

    /// <summary>The AIGC trend map as a sunburst: title → six main lines → their items.</summary>
    public static GenericChart TrendMap() => TrendMapChart.Build();
}
