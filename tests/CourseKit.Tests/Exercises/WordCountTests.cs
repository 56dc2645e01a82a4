using System.Text;
using System.Text.RegularExpressions;
using CourseKit.Exercises.Catalog;

namespace CourseKit.Tests.Exercises;

/// <summary>Rules.Words counts as the pattern it stands for, [\p{L}\p{N}][\p{L}\p{N}'’\-]*, counts matches.</summary>
public class WordCountTests
{
    private static readonly Regex Pattern = new(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*");

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("   \t\n", 0)]
    [InlineData("one", 1)]
    [InlineData("The model now listens and answers in speech.", 8)]
    [InlineData("don't stop—state-of-the-art's rock’n’roll", 4)]
    [InlineData("--a -b- 'c' ’d", 4)]
    [InlineData("a--b ''x '-'", 2)]
    [InlineData("3.5 × 2² = 12,25 Ⅻ", 6)]
    [InlineData("cafe\u0301 \u0301 naïve", 2)] // a mark ends a word, as in the pattern
    [InlineData("日本語の文 and 中文", 3)]
    [InlineData("😀 emoji 😀word", 2)]
    [InlineData("a_b a/b a.b", 6)]
    public void Counts_as_the_pattern_matches(string? text, int words)
    {
        Assert.Equal(words, Rules.Words(text));
        Assert.Equal(text is null ? 0 : Pattern.Matches(text).Count, Rules.Words(text));
    }

    [Fact]
    public void Counts_as_the_pattern_matches_on_random_text()
    {
        // Characters from every category that matters: letters, numbers of each kind, marks, the joiners, other punctuation, surrogates.
        const string alphabet = "aZé日ǅʰ3²Ⅻ٣\u0301\u0903'’-‐–_ .,;\t\n\"(\ud83d\ude00\ud800";
        var random = new Random(2026);
        for (var i = 0; i < 5000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(0, 24); n > 0; n--) text.Append(alphabet[random.Next(alphabet.Length)]);
            Assert.True(Pattern.Matches(text.ToString()).Count == Rules.Words(text.ToString()), $"\"{text}\"");
        }
    }
}
