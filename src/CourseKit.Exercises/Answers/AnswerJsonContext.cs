using System.Text.Json.Serialization;

namespace CourseKit.Exercises.Answers;

/// <summary>
/// Serializers for the answer types, generated at build time. Answers are turned into JSON in every notebook worker,
/// a fresh process per submission, where building them by reflection (and emitting their accessors) cost about half of
/// the worker's CPU (bench/README.md). <see cref="AnswerJson.Options"/> falls back to reflection for any other type.
/// </summary>
[JsonSerializable(typeof(TrendAnalysis))]
[JsonSerializable(typeof(ProductBet))]
[JsonSerializable(typeof(TrendTotal[]))]
[JsonSerializable(typeof(RankedScore[]))]
[JsonSerializable(typeof(List<RankedScore>))]
[JsonSerializable(typeof(WeightFlip))]
[JsonSerializable(typeof(Choice))]
[JsonSerializable(typeof(ReRanking))]
[JsonSerializable(typeof(WeightArgument))]
[JsonSerializable(typeof(ScoreEvidence))]
[JsonSerializable(typeof(TieBreak))]
[JsonSerializable(typeof(MapPlacement))]
[JsonSerializable(typeof(OutlookEvidence))]
[JsonSerializable(typeof(EvidenceCardData))]
[JsonSerializable(typeof(ProbeResult))]
[JsonSerializable(typeof(string))]
internal sealed partial class AnswerJsonContext : JsonSerializerContext;
