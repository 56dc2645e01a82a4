namespace CourseKit.Notebooks.Execution;

/// <summary>
/// How deep C# source nests (), [] and {}, outside comments and string or character literals. A quick scan
/// before compiling; it need not be exact, since no real cell comes near the runner's limit.
/// </summary>
public static class NestingDepth
{
    public static int Of(string source)
    {
        var depth = 0;
        var deepest = 0;
        for (var i = 0; i < source.Length; i++)
        {
            switch (source[i])
            {
                case '(' or '[' or '{':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '/' when At(source, i + 1, '/'):
                    i = End(source, i, "\n");
                    break;
                case '/' when At(source, i + 1, '*'):
                    i = End(source, i + 2, "*/");
                    break;
                case '"' when At(source, i + 1, '"') && At(source, i + 2, '"'):
                    i = End(source, i + 3, "\"\"\"");
                    break;
                case '"':
                    i = EndOfQuoted(source, i, '"', verbatim: i > 0 && source[i - 1] == '@');
                    break;
                case '\'':
                    i = EndOfQuoted(source, i, '\'', verbatim: false);
                    break;
            }
        }
        return deepest;
    }

    private static bool At(string source, int index, char c) => index < source.Length && source[index] == c;

    private static int End(string source, int from, string closing)
    {
        var end = source.IndexOf(closing, from, StringComparison.Ordinal);
        return end < 0 ? source.Length : end + closing.Length - 1;
    }

    private static int EndOfQuoted(string source, int open, char quote, bool verbatim)
    {
        for (var i = open + 1; i < source.Length; i++)
        {
            if (!verbatim && source[i] == '\\') { i++; continue; }
            if (source[i] == '\n' && !verbatim) return i;
            if (source[i] != quote) continue;
            if (verbatim && At(source, i + 1, quote)) { i++; continue; }
            return i;
        }
        return source.Length;
    }
}
