using System.Globalization;
using CourseKit.Exercises.Answers;
using CourseKit.Exercises.Model;
using CourseKit.Judgment;

namespace CourseKit.Exercises.Catalog;

/// <summary>Small pieces the exercise definitions share.</summary>
public static class Rules
{
    /// <summary>
    /// How many words <paramref name="text"/> has: runs that start with a letter or a number and go on through letters,
    /// numbers, apostrophes and hyphens, as the pattern <c>[\p{L}\p{N}][\p{L}\p{N}'’\-]*</c> matches them. Counted by
    /// hand, not by that regular expression: these checks run in every grading worker, a fresh process per submission,
    /// where the first use of System.Text.RegularExpressions cost about 9 ms of CPU (bench/README.md).
    /// </summary>
    public static int Words(string? text)
    {
        if (text is null) return 0;
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (IsLetterOrNumber(c)) words += inWord ? 0 : 1;
            inWord = IsLetterOrNumber(c) || inWord && c is '\'' or '’' or '-';
        }
        return words;
    }

    // \p{L} and \p{N}: the letter and number categories, marks not included.
    private static bool IsLetterOrNumber(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    /// <summary>"has 4 words; write at least 8" style problem, or null when long enough.</summary>
    public static string? TooShort(string what, string? text, int minWords, string purpose) =>
        Words(text) >= minWords
            ? null
            : Words(text) == 0
                ? $"{what} is empty; write at least {minWords} words {purpose}."
                : $"{what} has {Words(text)} {(Words(text) == 1 ? "word" : "words")}; write at least {minWords} words {purpose}.";

    /// <summary>A free-text exercise: the checks only see that the answer is there and long enough.</summary>
    public static Exercise FreeText(string id, string title, int points, string prompt, int minWords, string answerName, params string[] hints) =>
        new(id, title, ExerciseKind.FreeText, points, prompt + $"\n\nWrite at least {minWords} words. The checker only confirms your answer is there and long enough; the instructor grades it by rubric.",
            hints,
            [
                Check.On<string>("answer is long enough", 0, text =>
                    CheckResult.FirstProblem([TooShort("Your answer", text, minWords, "so the instructor can follow your reasoning")])),
            ],
            new TextShape(answerName));

    /// <summary>Whole-number scores run from 0 to 10, as in the course's four-dimension check.</summary>
    public static string? ScoreProblem(string dimension, int score) =>
        score is >= TrendScores.Min and <= TrendScores.Max
            ? null
            : $"The {dimension} score is {score}; scores run from {TrendScores.Min} to {TrendScores.Max}.";

    /// <summary>Matches a learner's spelling of a dimension: "Cost impact", "cost_impact", "Cost" …</summary>
    public static bool TryParseDimension(string? text, out Dimension dimension)
    {
        var key = Normalize(text);
        foreach (var candidate in Dimensions.All)
        {
            if (Normalize(candidate.Key()) == key || Normalize(candidate.Label()) == key ||
                Normalize(candidate.ToString()) == key || ShortName(candidate) == key)
            {
                dimension = candidate;
                return true;
            }
        }
        dimension = default;
        return false;
    }

    /// <summary>Whether the text contains any of the words (case-insensitive, as parts of words).</summary>
    public static bool Mentions(string? text, params string[] words) =>
        text is not null && words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    public static string Normalize(string? text) =>
        new((text ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    public static bool SameName(string? a, string? b) => Normalize(a) == Normalize(b) && Normalize(a).Length > 0;

    /// <summary>Within half a hundredth: answers are given to 2 decimals.</summary>
    public static bool Close(decimal a, decimal b) => Math.Abs(a - b) < 0.005m + 0.0000001m;

    private static string ShortName(Dimension dimension) => dimension switch
    {
        Dimension.Ability => "capability",
        Dimension.CostImpact => "cost",
        Dimension.NewInteraction => "interaction",
        _ => "workflow",
    };
}
