using System.Globalization;


namespace CourseKit.Ranking;

/// <summary>
/// The interval of one weight, others fixed, over which the current top item stays on top.
/// A null bound means the top item keeps its place however far the weight moves that way.
/// </summary>
public sealed record WeightRange(
    string Criterion,
    decimal Current,
    string TopItem,
    decimal? Lower,
    string? LeaderBelow,
    decimal? Upper,
    string? LeaderAbove)
{
    /// <summary>Whether the top item still scores at least as much as every rival (at a bound it ties).</summary>
    public bool Contains(decimal weight) =>
        (Lower is null || weight >= Lower) && (Upper is null || weight <= Upper);

    /// <summary>
    /// E.g. <c>'A' leads alone while the x weight is in (0.2, +∞) (now 0.5); at 0.2 it ties with 'B'; below 0.2, 'B' takes the top</c>.
    /// Both ends are open: at a finite bound the top item only ties with its rival (equal scores share a
    /// place, see <see cref="Ties"/>), and infinity is never reached.
    /// </summary>
    public override string ToString()
    {
        static string Number(decimal value) => Math.Round(value, 3).Normalize().ToString(CultureInfo.InvariantCulture);
        var low = Lower is null ? "-∞" : Number(Lower.Value);
        var high = Upper is null ? "+∞" : Number(Upper.Value);
        var text = $"'{TopItem}' leads alone while the {Criterion} weight is in ({low}, {high}) (now {Current.Normalize().ToString(CultureInfo.InvariantCulture)})";
        if (LeaderBelow is not null) text += $"; at {low} it ties with '{LeaderBelow}'; below {low}, '{LeaderBelow}' takes the top";
        if (LeaderAbove is not null) text += $"; at {high} it ties with '{LeaderAbove}'; above {high}, '{LeaderAbove}' takes the top";
        return text;
    }
}
