using System.Text.RegularExpressions;

namespace RnnNotebooks.Tasks;

/// <summary>
/// Splits a review into lower-case words and punctuation marks, the x&lt;1&gt; .. x&lt;Tx&gt; a sentiment model reads.
/// <list type="bullet">
/// <item>Lower case (invariant culture); curly apostrophes read as "'".</item>
/// <item>A word is a run of letters and digits, with inner hyphens or apostrophes ("well-made", "o'clock"); every other
/// character that is not a space is a token of its own ("!", ",", "(").</item>
/// <item><b>Negations are normalised to "not"</b>, on purpose: "isn't" → "is" "not", "don't" → "do" "not",
/// "can't" and "cannot" → "can" "not", "won't" → "will" "not", "shan't" → "shall" "not", "ain't" → "is" "not", and the
/// same without the apostrophe as reviews often write them ("dont", "isnt", "cant", "wont", ...). So every way of writing
/// a negation reaches the model as one word, "not", whose embedding is learned from all of them, and a sentiment model
/// can learn once that "not" flips the word after it.</item>
/// <item>Other clitics become tokens of their own: "it's" → "it" "'s", "we've" → "we" "'ve", "I'd" → "i" "'d".</item>
/// </list>
/// An empty or blank text has no tokens.
/// </summary>
public static partial class SentimentTokenizer
{
    /// <summary>The word every negation becomes.</summary>
    public const string Not = "not";

    private static readonly Dictionary<string, string> NegatedBases = new(StringComparer.Ordinal)
    {
        ["ca"] = "can", ["wo"] = "will", ["sha"] = "shall", ["ai"] = "is",
    };

    private static readonly Dictionary<string, string> WithoutApostrophe = new(StringComparer.Ordinal)
    {
        ["dont"] = "do", ["doesnt"] = "does", ["didnt"] = "did", ["isnt"] = "is", ["wasnt"] = "was", ["arent"] = "are",
        ["werent"] = "were", ["cant"] = "can", ["cannot"] = "can", ["wont"] = "will", ["couldnt"] = "could",
        ["wouldnt"] = "would", ["shouldnt"] = "should", ["havent"] = "have", ["hasnt"] = "has", ["hadnt"] = "had",
        ["aint"] = "is", ["mustnt"] = "must", ["neednt"] = "need",
    };

    private static readonly string[] Clitics = ["'s", "'re", "'ve", "'ll", "'d", "'m"];

    /// <summary>The tokens of a text, in order.</summary>
    /// <param name="text">A review sentence; null or blank gives no tokens.</param>
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }
        string lower = text.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'');
        foreach (Match match in Token().Matches(lower))
        {
            AddWord(match.Value, tokens);
        }
        return tokens;
    }

    /// <summary>Adds one matched token: a negation as its base and "not", a clitic apart, anything else as it is.</summary>
    private static void AddWord(string word, List<string> tokens)
    {
        if (word.EndsWith("n't", StringComparison.Ordinal) && word.Length > 3)
        {
            string stem = word[..^3];
            tokens.Add(NegatedBases.GetValueOrDefault(stem, stem));
            tokens.Add(Not);
            return;
        }
        if (WithoutApostrophe.TryGetValue(word, out string? negatedBase))
        {
            tokens.Add(negatedBase);
            tokens.Add(Not);
            return;
        }
        foreach (string clitic in Clitics)
        {
            if (word.EndsWith(clitic, StringComparison.Ordinal) && word.Length > clitic.Length)
            {
                tokens.Add(word[..^clitic.Length]);
                tokens.Add(clitic);
                return;
            }
        }
        tokens.Add(word);
    }

    /// <summary>A word (letters and digits, inner ' or -), or any one other character that is not white space.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]")]
    private static partial Regex Token();
}
