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
    public bool Contains(decimal weight) =>
        (Lower is null || weight >= Lower) && (Upper is null || weight <= Upper);

    public override string ToString()
    {
        static string Bound(decimal? value, string infinity) =>
            value is null ? infinity : Math.Round(value.Value, 3).Normalize().ToString(CultureInfo.InvariantCulture);
        var text = $"'{TopItem}' stays on top while the {Criterion} weight is in [{Bound(Lower, "-∞")}, {Bound(Upper, "+∞")}] (now {Current.Normalize().ToString(CultureInfo.InvariantCulture)})";
        if (LeaderBelow is not null) text += $"; below, '{LeaderBelow}' takes the top";
        if (LeaderAbove is not null) text += $"; above, '{LeaderAbove}' takes the top";
        return text;
    }
}
