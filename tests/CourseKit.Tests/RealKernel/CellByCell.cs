using System.Text.Json.Nodes;

namespace CourseKit.Tests.RealKernel;

/// <summary>What a cell-by-cell comparison of two executed notebooks found.</summary>
public sealed record ComparisonResult(int CellsCompared, int OutputsCompared, IReadOnlyDictionary<string, int> AllowedDifferences, IReadOnlyList<string> Differences);

/// <summary>
/// The walk both engine comparisons share: each code cell of the kit's file beside the same cell of the other file,
/// and a tally of what was compared, what differed and which allowed differences were taken.
/// </summary>
public sealed class CellByCell
{
    private readonly List<string> _differences = [];
    private readonly Dictionary<string, int> _allowed = [];

    public int Cells { get; set; }

    public int Outputs { get; set; }

    public void Allow(string what) => _allowed[what] = _allowed.GetValueOrDefault(what) + 1;

    public void Differ(string difference) => _differences.Add(difference);

    /// <summary>The code cells of <paramref name="kit"/> with the same cell of <paramref name="other"/>; a cell the other file lacks, or holds with other source, is a difference.</summary>
    public IEnumerable<(int Number, JsonObject Kit, JsonObject Other)> Pairs(ExecutedNotebook kit, ExecutedNotebook other)
    {
        var otherCells = other.CodeCells.ToDictionary(c => c.Number, c => c.Cell);
        foreach (var (number, cell) in kit.CodeCells)
        {
            if (otherCells.TryGetValue(number, out var otherCell) && ExecutedNotebook.SourceOf(otherCell) == ExecutedNotebook.SourceOf(cell))
                yield return (number, cell, otherCell);
            else
                Differ($"cell {number}: the two files do not hold the same cell");
        }
    }

    public ComparisonResult Result() => new(Cells, Outputs, _allowed, _differences);
}
