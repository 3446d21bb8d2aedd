using System.Text;

namespace RnnNotebooks.Book.Tex;

/// <summary>
/// Letters and digits in a <see cref="MathFont"/>, as Unicode's Mathematical Alphanumeric Symbols (U+1D400 to
/// U+1D7FF): MathML Core draws <c>\mathbf{W}</c> as the character 𝐖, not with a <c>mathvariant</c> attribute.
/// </summary>
internal static class MathAlphabets
{
    /// <summary>Where an alphabet's capital A, digit 0 and capital Alpha sit; 0 where Unicode has no such letters.</summary>
    private static readonly Dictionary<MathFont, (int Latin, int Digits, int Greek)> Starts = new()
    {
        [MathFont.Bold] = (0x1D400, 0x1D7CE, 0x1D6A8),
        [MathFont.Italic] = (0x1D434, 0, 0x1D6E2),
        [MathFont.BoldItalic] = (0x1D468, 0x1D7CE, 0x1D71C),
        [MathFont.Script] = (0x1D49C, 0, 0),
        [MathFont.Fraktur] = (0x1D504, 0, 0),
        [MathFont.DoubleStruck] = (0x1D538, 0x1D7D8, 0),
        [MathFont.SansSerif] = (0x1D5A0, 0x1D7E2, 0),
        [MathFont.Monospace] = (0x1D670, 0x1D7F6, 0),
    };

    /// <summary>Letters Unicode encoded earlier (Letterlike Symbols); their places in the block are empty.</summary>
    private static readonly Dictionary<(MathFont, char), char> Earlier = new()
    {
        [(MathFont.Italic, 'h')] = 'ℎ',
        [(MathFont.Script, 'B')] = 'ℬ', [(MathFont.Script, 'E')] = 'ℰ', [(MathFont.Script, 'F')] = 'ℱ',
        [(MathFont.Script, 'H')] = 'ℋ', [(MathFont.Script, 'I')] = 'ℐ', [(MathFont.Script, 'L')] = 'ℒ',
        [(MathFont.Script, 'M')] = 'ℳ', [(MathFont.Script, 'R')] = 'ℛ', [(MathFont.Script, 'e')] = 'ℯ',
        [(MathFont.Script, 'g')] = 'ℊ', [(MathFont.Script, 'o')] = 'ℴ',
        [(MathFont.Fraktur, 'C')] = 'ℭ', [(MathFont.Fraktur, 'H')] = 'ℌ', [(MathFont.Fraktur, 'I')] = 'ℑ',
        [(MathFont.Fraktur, 'R')] = 'ℜ', [(MathFont.Fraktur, 'Z')] = 'ℨ',
        [(MathFont.DoubleStruck, 'C')] = 'ℂ', [(MathFont.DoubleStruck, 'H')] = 'ℍ', [(MathFont.DoubleStruck, 'N')] = 'ℕ',
        [(MathFont.DoubleStruck, 'P')] = 'ℙ', [(MathFont.DoubleStruck, 'Q')] = 'ℚ', [(MathFont.DoubleStruck, 'R')] = 'ℝ',
        [(MathFont.DoubleStruck, 'Z')] = 'ℤ',
    };

    /// <summary>The Greek letters after the capitals Α..Ω (slots 0-24, ϴ at 17) in each Greek alphabet, by slot.</summary>
    private static readonly Dictionary<char, int> GreekExtras = new()
    {
        ['ϴ'] = 17, ['∇'] = 25, ['∂'] = 51, ['ϵ'] = 52, ['ϑ'] = 53, ['ϰ'] = 54, ['ϕ'] = 55, ['ϱ'] = 56, ['ϖ'] = 57,
    };

    /// <summary><paramref name="text"/> with every letter and digit the font has moved into it; other characters stay.</summary>
    public static string Map(string text, MathFont font)
    {
        if (!Starts.TryGetValue(font, out var starts))
        {
            return text; // Normal and Roman use the plain letters
        }
        var mapped = new StringBuilder(text.Length * 2);
        foreach (char c in text)
        {
            mapped.Append(Map(c, font, starts));
        }
        return mapped.ToString();
    }

    private static string Map(char c, MathFont font, (int Latin, int Digits, int Greek) starts)
    {
        if (Earlier.TryGetValue((font, c), out char earlier))
        {
            return earlier.ToString();
        }
        int offset = c switch
        {
            >= 'A' and <= 'Z' when starts.Latin != 0 => starts.Latin + (c - 'A'),
            >= 'a' and <= 'z' when starts.Latin != 0 => starts.Latin + 26 + (c - 'a'),
            >= '0' and <= '9' when starts.Digits != 0 => starts.Digits + (c - '0'),
            _ when starts.Greek != 0 && GreekSlot(c) is int slot => starts.Greek + slot,
            _ => 0,
        };
        return offset == 0 ? c.ToString() : char.ConvertFromUtf32(offset);
    }

    private static int? GreekSlot(char c) => c switch
    {
        >= 'Α' and <= 'Ω' => c - 'Α',
        >= 'α' and <= 'ω' => 26 + (c - 'α'),
        _ => GreekExtras.TryGetValue(c, out int slot) ? slot : null,
    };
}
