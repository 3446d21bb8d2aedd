namespace RnnNotebooks.Book.Tex;

/// <summary>
/// Splits TeX math source into tokens: commands (<c>\name</c> or a backslash and one non-letter), letters, digits,
/// group braces, script marks, primes, alignment tabs, ties, white space, and other characters. A <c>%</c> comment
/// runs to the end of its line and is dropped. A character outside the Basic Multilingual Plane (𝐖) stays one token.
/// </summary>
internal static class TexTokenizer
{
    /// <summary>The tokens of <paramref name="tex"/>, ending with one <see cref="TexTokenKind.End"/> token.</summary>
    /// <exception cref="TexException">The source ends with a lone backslash.</exception>
    public static List<TexToken> Tokenize(string tex)
    {
        var tokens = new List<TexToken>();
        int i = 0;
        while (i < tex.Length)
        {
            if (tex[i] == '%')
            {
                i = EndOfLine(tex, i);
                continue;
            }
            var token = Next(tex, i);
            tokens.Add(token);
            i = token.Kind == TexTokenKind.Space ? EndOfSpace(tex, i) : i + Length(token);
        }
        tokens.Add(new TexToken(TexTokenKind.End, "", tex.Length));
        return tokens;
    }

    private static TexToken Next(string tex, int i)
    {
        char c = tex[i];
        return c switch
        {
            '\\' => Command(tex, i),
            '{' => new(TexTokenKind.BeginGroup, "{", i),
            '}' => new(TexTokenKind.EndGroup, "}", i),
            '^' => new(TexTokenKind.Superscript, "^", i),
            '_' => new(TexTokenKind.Subscript, "_", i),
            '\'' => new(TexTokenKind.Prime, "'", i),
            '&' => new(TexTokenKind.Alignment, "&", i),
            '~' => new(TexTokenKind.Tie, "~", i),
            _ when char.IsWhiteSpace(c) => new(TexTokenKind.Space, " ", i),
            _ when char.IsAsciiDigit(c) => new(TexTokenKind.Digit, c.ToString(), i),
            _ when char.IsAsciiLetter(c) => new(TexTokenKind.Letter, c.ToString(), i),
            _ when char.IsHighSurrogate(c) && i + 1 < tex.Length => Character(tex.Substring(i, 2), i),
            _ => Character(c.ToString(), i),
        };
    }

    /// <summary>A character TeX has no category for: a letter of another script (α, 𝐖) or a symbol (≤, ·).</summary>
    private static TexToken Character(string text, int i) =>
        new(char.IsLetter(text, 0) ? TexTokenKind.Letter : TexTokenKind.Other, text, i);

    private static TexToken Command(string tex, int i)
    {
        int start = i + 1;
        if (start >= tex.Length)
        {
            throw new TexException(new TexError("a lone backslash ends the formula", "\\", i));
        }
        int end = start;
        while (end < tex.Length && char.IsAsciiLetter(tex[end]))
        {
            end++;
        }
        var name = end > start ? tex[start..end] : tex[start].ToString();
        return new TexToken(TexTokenKind.Command, name, i);
    }

    /// <summary>How many source characters <paramref name="token"/> took (spaces are measured separately).</summary>
    private static int Length(TexToken token) => token.Kind == TexTokenKind.Command ? token.Text.Length + 1 : token.Text.Length;

    private static int EndOfSpace(string tex, int i)
    {
        while (i < tex.Length && char.IsWhiteSpace(tex[i]))
        {
            i++;
        }
        return i;
    }

    private static int EndOfLine(string tex, int i)
    {
        int newline = tex.IndexOf('\n', i);
        return newline < 0 ? tex.Length : newline + 1;
    }
}
