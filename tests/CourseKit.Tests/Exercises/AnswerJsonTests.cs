using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Exercises.Answers;
using CourseKit.Judgment;

namespace CourseKit.Tests.Exercises;

/// <summary>AnswerJson.ToNode writes answers as the serializer with AnswerJson.Options does, value for value.</summary>
public class AnswerJsonTests
{
    public static TheoryData<object?> Answers() =>
    [
        new TrendAnalysis("voice agents", new(7, "listens"), new(5, "ünïcödé \"quoted\" <tag> & 😀"), new(9, ""), new(0, "x"), Dimension.NewInteraction),
        new TrendAnalysis(null!, null!, new(-3, null!), new(int.MaxValue, "\n\t\u0001"), new(int.MinValue, "y"), (Dimension)42),
        new ProductBet("notes app", MainBet.Multimodality, "photos"),
        new ProductBet("x", (MainBet)(-1), null!),
        new[] { new TrendTotal("a", 31, Dimension.Ability), null!, new TrendTotal("b", 0, Dimension.WorkflowChange) },
        Array.Empty<RankedScore>(),
        new[] { new RankedScore("a", 1.50m), new RankedScore("b", -0.000001m), new RankedScore("c", 79228162514264337593543950335m) },
        new List<RankedScore> { new("a", 0.1m), new("b", 10m) },
        new WeightFlip("cost", 0.35m, "agents"),
        new Choice("B", "because"),
        new ReRanking("goal", ["one", null!, "two"], "why"),
        new ReRanking("goal", null!, "why"),
        new WeightArgument("team", 0.5m, 0.3m, 0.2m, "top", "why"),
        new ScoreEvidence("t", "c", 7, "e"),
        new TieBreak("first", Dimension.CostImpact, "why"),
        new MapPlacement("t", "line", 1, 2, 3, 4, "why"),
        new OutlookEvidence("o", Dimension.WorkflowChange, 8, 2, "e"),
        new EvidenceCardData(new Dictionary<string, string?> { ["a"] = "b", ["c"] = null }, ["m"]),
        "plain text",
        42,
        double.NaN,
        double.NegativeInfinity,
        1.5e300,
        null,
    ];

    [Theory]
    [MemberData(nameof(Answers))]
    public void ToNode_writes_what_the_serializer_writes(object? answer)
    {
        var expected = answer is null ? null : JsonSerializer.SerializeToNode(answer, answer.GetType(), AnswerJson.Options);
        var written = AnswerJson.ToNode(answer);
        Assert.True(JsonNode.DeepEquals(expected, written), $"serializer: {expected?.ToJsonString()}\nToNode:     {written?.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public void FromNode_reads_what_the_serializer_reads(object? answer)
    {
        var type = answer?.GetType() ?? typeof(string);
        var data = AnswerJson.ToNode(answer);
        AssertSameReading(type, data);
    }

    // Data an answer never becomes, read by a check on the grader's side: FromNode reads it, or fails, as the serializer does.
    [Theory]
    [InlineData(typeof(TrendAnalysis), """{"Trend":"t","Capability":{"Score":7,"Reason":"r"},"Cost":null,"Interaction":{"Score":"9","Reason":"r"},"Workflow":{"Score":7,"Reason":"r"},"StrongestChange":"Ability"}""")]
    [InlineData(typeof(TrendAnalysis), """{"trend":"t","capability":{"score":7,"reason":"r"},"StrongestChange":"ability"}""")]
    [InlineData(typeof(TrendAnalysis), """{"Trend":"t","Extra":1,"Capability":{"Score":7,"Reason":"r"},"Cost":{"Score":7,"Reason":"r"},"Interaction":{"Score":7,"Reason":"r"},"Workflow":{"Score":7,"Reason":"r"},"StrongestChange":1}""")]
    [InlineData(typeof(ProductBet), """{"Product":"p","Bet":"Multimodality","Justification":"j","Justification":"k"}""")]
    [InlineData(typeof(ProductBet), """{"Product":7,"Bet":"Multimodality","Justification":"j"}""")]
    [InlineData(typeof(ProductBet), """{"Product":"p","Bet":"multimodality","Justification":"j"}""")]
    [InlineData(typeof(ProductBet), """{"Product":"p","Bet":"Nope","Justification":"j"}""")]
    [InlineData(typeof(ProductBet), """[1,2]""")]
    [InlineData(typeof(RankedScore[]), """[{"Name":"a","Score":1.5},null,{"Name":"b","Score":"2"}]""")]
    [InlineData(typeof(RankedScore[]), """[{"Name":"a","Score":1e400}]""")]
    [InlineData(typeof(List<RankedScore>), """{"Name":"a","Score":1}""")]
    [InlineData(typeof(WeightFlip), """{"Criterion":"c","Threshold":0.35,"NewTop":"t"}""")]
    [InlineData(typeof(WeightFlip), """{"Criterion":"c","Threshold":7.0,"NewTop":null}""")]
    [InlineData(typeof(MapPlacement), """{"Trend":"t","MainLine":"m","Ability":1.0,"CostImpact":2,"NewInteraction":3,"WorkflowChange":4,"Why":"w"}""")]
    [InlineData(typeof(string), "\"text\"")]
    [InlineData(typeof(string), "12")]
    public void FromNode_reads_odd_data_as_the_serializer_does(Type type, string json)
    {
        JsonNode? data;
        try
        {
            data = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return; // not JSON at all: the sheet reader already refuses it
        }
        AssertSameReading(type, data);
    }

    private static void AssertSameReading(Type type, JsonNode? data)
    {
        var (expected, expectedError) = Read(() => data.Deserialize(type, AnswerJson.Options));
        var fromNode = typeof(AnswerJson).GetMethod(nameof(AnswerJson.FromNode))!.MakeGenericMethod(type);
        var (read, error) = Read(() => fromNode.Invoke(null, [data]));
        Assert.Equal(expectedError, error);
        Assert.Equal(
            expected is null ? "null" : JsonSerializer.Serialize(expected, type, AnswerJson.Options),
            read is null ? "null" : JsonSerializer.Serialize(read, type, AnswerJson.Options));
        if (expected is not null) Assert.Equal(expected.GetType(), read!.GetType());
    }

    private static (object? Value, Type? Error) Read(Func<object?> read)
    {
        try
        {
            return (read(), null);
        }
        catch (System.Reflection.TargetInvocationException error)
        {
            return (null, error.InnerException!.GetType());
        }
        catch (Exception error)
        {
            return (null, error.GetType());
        }
    }

    // Values made in this process, not parsed: a free-text answer is JsonValue.Create(text) (TextShape).
    public static TheoryData<Type, JsonNode?> MadeValues() => new()
    {
        { typeof(string), JsonValue.Create("a free-text answer") },
        { typeof(string), JsonValue.Create("") },
        { typeof(string), JsonValue.Create("ünïcödé \"quoted\" 😀\n") },
        { typeof(string), JsonValue.Create(12) },
        { typeof(string), JsonValue.Create(true) },
        { typeof(int), JsonValue.Create("12") },
        { typeof(double), JsonValue.Create("NaN") },
        { typeof(Dimension), JsonValue.Create("Ability") },
        { typeof(string[]), new JsonArray(JsonValue.Create("a"), JsonValue.Create("b")) },
    };

    [Theory]
    [MemberData(nameof(MadeValues))]
    public void FromNode_reads_values_made_in_process_as_the_serializer_does(Type type, JsonNode? data) => AssertSameReading(type, data);

    [Fact]
    public void What_ToNode_writes_reads_back_as_the_same_answer()
    {
        var analysis = new TrendAnalysis("voice agents", new(7, "listens"), new(5, "cost"), new(9, "talk"), new(7, "flow"), Dimension.NewInteraction);
        Assert.Equal(analysis, AnswerJson.ToNode(analysis).Deserialize<TrendAnalysis>(AnswerJson.Options));
    }
}
