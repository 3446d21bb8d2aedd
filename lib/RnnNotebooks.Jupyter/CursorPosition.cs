using Microsoft.DotNet.Interactive;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// Cursor positions between Jupyter and .NET: Jupyter counts Unicode code points from the start of the code
/// (protocol 5.2 and later); .NET strings count UTF-16 units, and the C# kernel wants a line and a column.
/// </summary>
internal static class CursorPosition
{
    /// <summary>The UTF-16 index of code point <paramref name="codePoint"/> in <paramref name="code"/> (clamped to its ends).</summary>
    public static int ToIndex(string code, int codePoint)
    {
        int index = 0;
        for (int seen = 0; seen < codePoint && index < code.Length; seen++)
        {
            index += char.IsHighSurrogate(code[index]) && index + 1 < code.Length ? 2 : 1;
        }
        return index;
    }

    /// <summary>The code-point offset of UTF-16 index <paramref name="index"/> in <paramref name="code"/>.</summary>
    public static int ToCodePoint(string code, int index)
    {
        int codePoints = 0;
        for (int i = 0; i < index && i < code.Length; i++)
        {
            if (!char.IsLowSurrogate(code[i]))
            {
                codePoints++;
            }
        }
        return codePoints;
    }

    /// <summary>The line and column (0-based, UTF-16) of <paramref name="index"/> in <paramref name="code"/>.</summary>
    public static LinePosition ToLinePosition(string code, int index)
    {
        int line = 0, lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            if (code[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new LinePosition(line, index - lineStart);
    }

    /// <summary>Where the identifier that ends at <paramref name="index"/> starts (letters, digits, '_').</summary>
    public static int IdentifierStart(string code, int index)
    {
        int start = index;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }
        return start;
    }
}
