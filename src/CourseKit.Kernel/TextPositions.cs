using System.Globalization;

namespace CourseKit.Kernel;

/// <summary>Converts between the protocol's code-point offsets and .NET's UTF-16 offsets.</summary>
public static class TextPositions
{
    public static int ToUtf16(string text, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
        return index;
    }

    public static int ToCodePoints(string text, int utf16)
    {
        var count = 0;
        for (var index = 0; index < Math.Min(utf16, text.Length); count++)
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
        return count;
    }
}
