using System.Globalization;
using System.Text;

namespace RnnNotebooks.Data;

/// <summary>
/// The symbols byte-pair encoding starts from. A text's words are what lies between its spaces (U+0020 only, so a French
/// narrow no-break space stays a character of its word); each of a word's characters (a Unicode code point,
/// so an emoji is one) is a symbol, and the end-of-word marker <see cref="EndOfWord"/> follows the last one (Sennrich et
/// al.'s &lt;/w&gt;, written as one character so that no token of text can be mistaken for it). A character outside the
/// learnt alphabet becomes its UTF-8 bytes, one token each, written <c>⟨0xE2⟩</c>: every text can be encoded and decoded
/// back exactly, and no token is ever unknown.
/// </summary>
public static class SubwordSymbols
{
    /// <summary>The end-of-word marker, U+2581, the last symbol of every word.</summary>
    public const string EndOfWord = "\u2581";

    /// <summary>How a byte token opens: U+27E8, reserved like the marker (text holding either is encoded by bytes).</summary>
    private const char ByteOpen = '\u27E8';

    /// <summary>The token of one UTF-8 byte: ⟨0x00⟩ .. ⟨0xFF⟩.</summary>
    public static string ByteToken(byte value) => $"{ByteOpen}0x{value:X2}\u27E9";

    /// <summary>The 256 byte tokens, by byte value.</summary>
    public static IReadOnlyList<string> ByteTokens { get; } = Enumerable.Range(0, 256).Select(b => ByteToken((byte)b)).ToArray();

    /// <summary>The byte a byte token stands for, or null for any other token.</summary>
    public static byte? ByteOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Length == 6 && token[0] == ByteOpen && token[5] == '\u27E9' && token[1] == '0' && token[2] == 'x'
            && byte.TryParse(token.AsSpan(3, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte value) ? value : null;
    }

    /// <summary>Whether a character may be a symbol of its own: every code point but the marker's and the byte token's.</summary>
    public static bool IsAllowed(Rune rune) => rune.Value != EndOfWord[0] && rune.Value != ByteOpen;

    /// <summary>The words of a text: what lies between its spaces, empty words included (two spaces hold one), none for "".</summary>
    public static string[] Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? [] : text.Split(' ');
    }

    /// <summary>
    /// A word's first symbols: each character of <paramref name="alphabet"/> as itself, any other as its UTF-8 byte tokens,
    /// then <see cref="EndOfWord"/>. A null alphabet keeps every allowed character (as learning does).
    /// </summary>
    public static List<string> Initial(string word, IReadOnlySet<string>? alphabet)
    {
        ArgumentNullException.ThrowIfNull(word);
        var symbols = new List<string>(word.Length + 1);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in word.EnumerateRunes())
        {
            string text = rune.ToString();
            if (IsAllowed(rune) && (alphabet is null || alphabet.Contains(text)))
            {
                symbols.Add(text);
                continue;
            }
            int count = rune.EncodeToUtf8(bytes);
            for (int i = 0; i < count; i++)
            {
                symbols.Add(ByteToken(bytes[i]));
            }
        }
        symbols.Add(EndOfWord);
        return symbols;
    }

    /// <summary>
    /// The text of subword tokens: tokens are joined, byte tokens turned back into characters (bytes that are no valid UTF-8
    /// become U+FFFD), and each <see cref="EndOfWord"/> ends a word; words are separated by one space, so the tokens of a text
    /// give back that text exactly.
    /// </summary>
    public static string Decode(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var words = new List<string>();
        var word = new StringBuilder();
        var pending = new List<byte>();
        foreach (var token in tokens)
        {
            if (ByteOf(token) is byte b)
            {
                pending.Add(b);
                continue;
            }
            Flush(word, pending);
            bool ends = token.EndsWith(EndOfWord, StringComparison.Ordinal);
            word.Append(ends ? token.AsSpan(0, token.Length - EndOfWord.Length) : token);
            if (ends)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        Flush(word, pending);
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return string.Join(' ', words);
    }

    private static void Flush(StringBuilder word, List<byte> pending)
    {
        if (pending.Count > 0)
        {
            word.Append(Encoding.UTF8.GetString(pending.ToArray()));
            pending.Clear();
        }
    }
}
