using CourseKit.Ranking;

namespace CourseKit.Data;

/// <summary>A seed-001 image-generation thread with its three priority criteria (0–10 each).</summary>
public sealed record ImageThread(string Name, int ProductValue, int EngineeringCost, int Stability)
{
    /// <summary>The thread as a ranking item, criteria in the seed's order.</summary>
    public RankingItem ToRankingItem() =>
        new(Name, ("product_value", ProductValue), ("engineering_cost", EngineeringCost), ("stability", Stability));
}
