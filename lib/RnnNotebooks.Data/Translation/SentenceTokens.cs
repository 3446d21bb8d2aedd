using System.Text.RegularExpressions;

namespace RnnNotebooks.Data;

/// <summary>
/// How a sentence becomes word tokens, for the translation models and for BLEU: lower case (invariant), ’ as ', then a
/// token is a run of letters and digits that keeps an apostrophe at its end ("j'", "l'", "don'"), or a run of letters and
/// digits, or any other single character that is not a space ("?", "!", ",", "."). "J'ai faim !" gives j' ai faim !
/// </summary>
public static partial class SentenceTokens
{
    /// <summary>The tokens of <paramref name="sentence"/>.</summary>
    public static IReadOnlyList<string> Of(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var text = sentence.Replace('’', '\'').ToLowerInvariant();
        return Token().Matches(text).Select(m => m.Value).ToArray();
    }

    /// <summary>Tokens joined by single spaces: how translations are shown and scored.</summary>
    public static string Join(IEnumerable<string> tokens) => string.Join(' ', tokens);

    [GeneratedRegex(@"[\p{L}\p{N}]+'|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]")]
    private static partial Regex Token();
}
