namespace RnnNotebooks.Tasks;

/// <summary>
/// How often each normalised word form (<see cref="WordVocabulary.Normalize"/>) occurs in one document: in all, written
/// capitalised (pattern Initial, ALL CAPS or Mixed) at a position other than the first of its sentence, and written all
/// in lower case. What <see cref="DocumentFeatures"/> reads.
/// </summary>
public sealed class DocumentWordCounts
{
    private readonly Dictionary<string, (int Total, int CapitalisedMid, int Lower)> counts;

    private DocumentWordCounts(Dictionary<string, (int, int, int)> counts) => this.counts = counts;

    /// <summary>The counts of a document.</summary>
    /// <param name="document">The tokens of each sentence of the document, in order; null sentences or tokens are refused.</param>
    /// <exception cref="ArgumentException">A sentence or a token is null (the message names it).</exception>
    public static DocumentWordCounts Of(IReadOnlyList<IReadOnlyList<string>> document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var counts = new Dictionary<string, (int, int, int)>(StringComparer.Ordinal);
        for (int i = 0; i < document.Count; i++)
        {
            var sentence = document[i] ?? throw new ArgumentException($"sentence {i} of the document is null.", nameof(document));
            for (int t = 0; t < sentence.Count; t++)
            {
                string word = sentence[t] ?? throw new ArgumentException($"sentence {i} token {t} of the document is null.", nameof(document));
                var (total, mid, lower) = counts.GetValueOrDefault(WordVocabulary.Normalize(word));
                counts[WordVocabulary.Normalize(word)] = (total + 1, mid + (t > 0 && IsCapitalised(word) ? 1 : 0),
                    lower + (WordFeatures.Pattern(word) == CapitalisationPattern.Lower ? 1 : 0));
            }
        }
        return new DocumentWordCounts(counts);
    }

    /// <summary>The counts of a word's normalised form: in all, capitalised not first in its sentence, lower case; zeros when absent.</summary>
    /// <param name="word">A token as written.</param>
    public (int Total, int CapitalisedMid, int Lower) Of(string word) => counts.GetValueOrDefault(WordVocabulary.Normalize(word));

    /// <summary>Whether a token has an upper-case letter: pattern Initial, ALL CAPS or Mixed.</summary>
    /// <param name="word">A token as written.</param>
    public static bool IsCapitalised(string word) =>
        WordFeatures.Pattern(word) is CapitalisationPattern.Initial or CapitalisationPattern.AllCaps or CapitalisationPattern.Mixed;
}
