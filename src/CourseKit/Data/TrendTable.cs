using CourseKit.Judgment;
using CourseKit.Ranking;
using CourseKit.TrendMap;
using Microsoft.Data.Analysis;

namespace CourseKit.Data;

/// <summary>Loads and validates a four-dimension CSV (see data/README.md for the columns).</summary>
public static class TrendTable
{
    public static readonly string[] Judgments = ["seed-illustrative", "course-illustrative"];

    public static IReadOnlyList<TrendRecord> Load(string path, string? displayName = null) =>
        Parse(CsvTable.Read(path, displayName));

    public static IReadOnlyList<TrendRecord> Parse(CsvTable table)
    {
        var records = new List<TrendRecord>();
        var trends = new UniqueColumn(table, "trend", "trend");
        foreach (var row in CsvRowReader.All(table))
        {
            var trend = trends.Read(row);

            var mainLine = row.Text("main_line");
            if (!AigcTrendMap.MainLines.Any(l => l.Name == mainLine))
                throw new DataFileException(table.Source, row.Line, "main_line",
                    $"expected one of the trend map's main lines ({string.Join(", ", AigcTrendMap.MainLines.Select(l => l.Name))}) but found '{mainLine}'.");
            var judgment = row.Text("judgment");
            if (!Judgments.Contains(judgment))
                throw new DataFileException(table.Source, row.Line, "judgment",
                    $"expected {string.Join(" or ", Judgments)} but found '{judgment}'.");

            var scores = new TrendScores(trend,
                row.Score(Dimension.Ability.Key(), TrendScores.Min, TrendScores.Max),
                row.Score(Dimension.CostImpact.Key(), TrendScores.Min, TrendScores.Max),
                row.Score(Dimension.NewInteraction.Key(), TrendScores.Min, TrendScores.Max),
                row.Score(Dimension.WorkflowChange.Key(), TrendScores.Min, TrendScores.Max));
            records.Add(new TrendRecord(trend, row.Text("title"), row.Text("source"), mainLine, scores, judgment,
                row.Text("rationale")));
        }
        return records;
    }

    /// <summary>The records as a DataFrame, with each trend's total and strongest change.</summary>
    public static DataFrame ToDataFrame(IEnumerable<TrendRecord> records)
    {
        var list = records.ToList();
        return new DataFrame(
            new StringDataFrameColumn("trend", list.Select(r => r.Trend)),
            new StringDataFrameColumn("main_line", list.Select(r => r.MainLine)),
            new Int32DataFrameColumn(Dimension.Ability.Key(), list.Select(r => r.Scores.Ability)),
            new Int32DataFrameColumn(Dimension.CostImpact.Key(), list.Select(r => r.Scores.CostImpact)),
            new Int32DataFrameColumn(Dimension.NewInteraction.Key(), list.Select(r => r.Scores.NewInteraction)),
            new Int32DataFrameColumn(Dimension.WorkflowChange.Key(), list.Select(r => r.Scores.WorkflowChange)),
            new Int32DataFrameColumn("total", list.Select(r => r.Verdict.Total)),
            new StringDataFrameColumn("strongest_change", list.Select(r => r.Verdict.StrongestChange.Key())),
            new StringDataFrameColumn("judgment", list.Select(r => r.Judgment)));
    }

    /// <summary>The records by total, highest first, with the course's tie rule (<see cref="Ties"/>): equal totals keep the data order.</summary>
    public static IReadOnlyList<TrendRecord> RankByTotal(IEnumerable<TrendRecord> records) =>
        Ties.Order(records, r => r.Verdict.Total);

    /// <summary>
    /// The records ranked by total as a DataFrame: the same order as <c>Charts.Totals</c>, a <c>place</c> column that
    /// equal totals share, and each trend's readable title.
    /// </summary>
    public static DataFrame ToRankedDataFrame(IEnumerable<TrendRecord> records)
    {
        var ranked = RankByTotal(records);
        var places = Ties.Places(ranked.Select(r => r.Verdict.Total).ToList());
        return new DataFrame(
            new Int32DataFrameColumn("place", places),
            new StringDataFrameColumn("title", ranked.Select(r => r.Title)),
            new StringDataFrameColumn("main_line", ranked.Select(r => r.MainLine)),
            new Int32DataFrameColumn(Dimension.Ability.Key(), ranked.Select(r => r.Scores.Ability)),
            new Int32DataFrameColumn(Dimension.CostImpact.Key(), ranked.Select(r => r.Scores.CostImpact)),
            new Int32DataFrameColumn(Dimension.NewInteraction.Key(), ranked.Select(r => r.Scores.NewInteraction)),
            new Int32DataFrameColumn(Dimension.WorkflowChange.Key(), ranked.Select(r => r.Scores.WorkflowChange)),
            new Int32DataFrameColumn("total", ranked.Select(r => r.Verdict.Total)),
            new StringDataFrameColumn("strongest_change", ranked.Select(r => r.Verdict.StrongestChange.Key())),
            new StringDataFrameColumn("judgment", ranked.Select(r => r.Judgment)));
    }
}
