using System.Text.Json;
using System.Text.Json.Nodes;
using CourseKit.Data;
using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Catalog;
using CourseKit.Exercises.Model;
using CourseKit.Judgment;

namespace CourseKit.Exercises.Hidden;

/// <summary>The instructor's extra checks and inputs. Students see these checks by name and points only.</summary>
public static class HiddenChecks
{
    public static InstructorChecks All { get; } = new(
        new Dictionary<string, IReadOnlyList<Check>>
        {
            ["L1.E1"] = [Check.On<TrendAnalysis>("reasons in your own words", 1, OwnWords)],
            ["L1.E5"] = [Check.On<ProductBet>("justification speaks to the chosen bet", 1, SpeaksToBet)],
            ["L2.E2"] = [Check.On<Choice>("the thread that keeps products intact", 1, c =>
                Rules.SameName(c.Option, "stronger controllable editing")
                    ? CheckResult.Pass()
                    : CheckResult.Fail("For shop images the item must stay identical while the scene changes; the seed's reasoning points to another thread."))],
            ["L2.E6"] = [Check.On<EvidenceCardData>("failure check names a failure kind", 1, card =>
                Mentions(card.Fields.GetValueOrDefault("Failure Check"), "drift", "style", "artifact", "artefact", "copyright", "portrait", "review", "likeness", "bias")
                    ? CheckResult.Pass()
                    : CheckResult.Fail("The Failure Check field names no concrete failure kind (prompt drift, style mismatch, artifact, copyright, portrait, review)."))],
        },
        new Dictionary<string, IReadOnlyList<JsonNode>>());

    private static CheckResult OwnWords(TrendAnalysis analysis)
    {
        var reasons = Lesson1.Judgments(analysis).Select(j => Rules.Normalize(j.Judgment?.Reason)).ToList();
        if (reasons.Distinct().Count() < reasons.Count)
            return CheckResult.Fail("Two dimensions share the same reason; each dimension needs its own.");
        var questions = AskFirstTable.Rows.Select(r => Rules.Normalize(r.Question)).ToHashSet();
        return reasons.Any(questions.Contains)
            ? CheckResult.Fail("A reason repeats the lesson's guiding question instead of answering it.")
            : CheckResult.Pass();
    }

    private static CheckResult SpeaksToBet(ProductBet bet)
    {
        string[] words = bet.Bet switch
        {
            MainBet.Multimodality => ["image", "photo", "picture", "screenshot", "voice", "audio", "video", "camera", "multimodal", "speech"],
            MainBet.RealTime => ["real-time", "realtime", "real time", "latency", "instant", "live", "fast", "stream", "seconds", "speed", "quick"],
            MainBet.OnDevice => ["device", "offline", "local", "phone", "privacy", "private", "edge", "laptop", "on-device", "cloud"],
            _ => ["workflow", "step", "tool", "automat", "pipeline", "process", "flow", "agent", "integrat", "task"],
        };
        return Mentions(bet.Justification, words)
            ? CheckResult.Pass()
            : CheckResult.Fail($"The justification never mentions anything that ties the product to {bet.Bet}.");
    }

    private static bool Mentions(string? text, params string[] words) =>
        text is not null && words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
