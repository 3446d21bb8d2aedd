using System.Text;

namespace RnnNotebooks.Book.Tex;

/// <summary>Character-level rules of MathML text: escaping, which letters the browser slants, and spaces at the ends of text.</summary>
internal static class MathMlText
{
    /// <summary>The symbols other than Latin and Greek letters that MathML Core slants in a one-character &lt;mi&gt;.</summary>
    private const string SlantedSymbols = "ıȷ∇∂ϵϑϰϕϱϖϴ";

    /// <summary><paramref name="text"/> safe inside an element or a double-quoted attribute: &amp; &lt; &gt; " escaped, nothing else.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    /// <summary>True when <paramref name="text"/> is one character that the browser draws slanted in an &lt;mi&gt; (x, α, ∂).</summary>
    public static bool IsSlanted(string text) =>
        text.Length == 1 && (char.IsAsciiLetter(text[0]) || text[0] is >= 'Α' and <= 'Ω' or >= 'α' and <= 'ω' || SlantedSymbols.Contains(text[0]));

    /// <summary>Spaces at either end of <paramref name="text"/> as no-break spaces, which HTML does not collapse.</summary>
    public static string KeepEdgeSpaces(string text)
    {
        var trimmed = text.Trim(' ');
        if (trimmed.Length == text.Length)
        {
            return text;
        }
        int leading = text.Length - text.TrimStart(' ').Length;
        int trailing = text.Length - text.TrimEnd(' ').Length;
        return trimmed.Length == 0
            ? new string('\u00A0', text.Length)
            : new string('\u00A0', leading) + trimmed + new string('\u00A0', trailing);
    }
}
