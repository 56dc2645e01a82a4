namespace CourseKit.Notebooks.Documents;

/// <summary>
/// How a notebook's JSON was formatted, so a rewrite only differs where the content changed.
/// Jupyter (Python <c>json.dump(indent=1, ensure_ascii=False)</c>) and VS Code (<c>JSON.stringify</c>)
/// both produce 1-space indentation, <c>": "</c> between key and value and a trailing newline.
/// </summary>
internal sealed record JsonLayout(
    string? Indent,
    string NewLine,
    string KeySeparator,
    string ItemSeparator,
    bool TrailingNewLine,
    bool EscapeNonAscii)
{
    public static JsonLayout Jupyter { get; } = new(" ", "\n", ": ", ",", TrailingNewLine: true, EscapeNonAscii: false);

    /// <summary>Single-line JSON as written after <c>#!meta</c> in a .dib file.</summary>
    public static JsonLayout Compact { get; } = new(null, "\n", ":", ",", TrailingNewLine: false, EscapeNonAscii: false);

    public static JsonLayout Detect(string text)
    {
        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var scan = Scan(text);
        return new JsonLayout(
            DetectIndent(text),
            newLine,
            scan.KeySeparator ?? ": ",
            scan.ItemSeparator ?? ",",
            text.EndsWith('\n'),
            scan.EscapesNonAscii && !scan.HasRawNonAscii);
    }

    private static string? DetectIndent(string text)
    {
        var open = text.IndexOf('{');
        if (open < 0)
        {
            return null;
        }

        var position = open + 1;
        while (position < text.Length && text[position] is '\r' or '\n')
        {
            position++;
        }

        if (position == open + 1)
        {
            return null;
        }

        var start = position;
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }

        return text[start..position];
    }

    private record struct ScanResult(string? KeySeparator, string? ItemSeparator, bool EscapesNonAscii, bool HasRawNonAscii);

    private static ScanResult Scan(string text)
    {
        var result = new ScanResult();
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c > 0x7F)
            {
                result.HasRawNonAscii = true;
            }

            if (inString)
            {
                if (c == '"')
                {
                    inString = false;
                }
                else if (c == '\\' && i + 1 < text.Length)
                {
                    if (text[i + 1] == 'u' && i + 5 < text.Length
                        && int.TryParse(text.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out var code)
                        && code > 0x7F)
                    {
                        result.EscapesNonAscii = true;
                    }

                    i++;
                }

                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case ':' when result.KeySeparator is null:
                    result.KeySeparator = next == ' ' ? ": " : ":";
                    break;
                case ',' when result.ItemSeparator is null:
                    result.ItemSeparator = next == ' ' ? ", " : ",";
                    break;
            }
        }

        return result;
    }
}
