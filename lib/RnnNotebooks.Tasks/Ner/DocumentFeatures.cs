namespace RnnNotebooks.Tasks;

/// <summary>
/// What the rest of its document says about a token (Chieu and Ng 2002's "global features"; Ratinov and Roth 2009): the
/// fixed document features d&lt;t&gt; (not learned, no tags used, so as legal on a test article as on a training one).
/// <code>
/// d&lt;t&gt; = [capitalised elsewhere mid-sentence; lower case elsewhere; min(other occurrences, 4) / 4;
///         first in sentence and capitalised elsewhere mid-sentence]                                  (n_d = 4)
/// </code>
/// "Elsewhere" is every other token of the document with the same normalised form (<see cref="WordVocabulary.Normalize"/>):
/// lower case, digits as 0. Why: a sentence's first word is capitalised whatever it is, so "Siemens opened a plant" says
/// nothing by its form; if the article writes "Siemens" mid-sentence too, it is a name, and if it writes "yesterday" in
/// lower case elsewhere, "Yesterday" is not. A name repeated through an article ("Weather Report ... the band Weather
/// Report") gets the same evidence at every mention, and the count says how central the word is to the article.
/// </summary>
public static class DocumentFeatures
{
    /// <summary>n_d, the number of document features.</summary>
    public const int Count = 4;

    /// <summary>The count at which the third feature saturates (other occurrences / this, at most 1).</summary>
    public const int CountCap = 4;

    /// <summary>Writes d&lt;t&gt; of the token at <paramref name="position"/> into <paramref name="d"/> (length <see cref="Count"/>).</summary>
    /// <param name="word">The token as written; it must be one of the tokens <paramref name="counts"/> was built from.</param>
    /// <param name="position">Its 0-based position in its sentence (0: first).</param>
    /// <param name="counts">The counts of its document.</param>
    /// <param name="d">n_d values, overwritten.</param>
    /// <exception cref="ArgumentException">d has the wrong length, or the word is not in the document.</exception>
    public static void Write(string word, int position, DocumentWordCounts counts, Span<double> d)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(counts);
        if (d.Length != Count)
        {
            throw new ArgumentException($"d has {d.Length} values; the document features are n_d = {Count}.", nameof(d));
        }
        var (total, capitalisedMid, lower) = counts.Of(word);
        if (total == 0)
        {
            throw new ArgumentException($"the word '{word}' does not occur in the document the counts were built from.", nameof(word));
        }
        bool capitalised = DocumentWordCounts.IsCapitalised(word), isLower = WordFeatures.Pattern(word) == CapitalisationPattern.Lower;
        bool capitalisedElsewhere = capitalisedMid - (capitalised && position > 0 ? 1 : 0) > 0; // minus this token's own occurrence
        d[0] = capitalisedElsewhere ? 1 : 0;
        d[1] = lower - (isLower ? 1 : 0) > 0 ? 1 : 0;
        d[2] = Math.Min(total - 1, CountCap) / (double)CountCap;
        d[3] = position == 0 && capitalisedElsewhere ? 1 : 0;
    }

    /// <summary>d&lt;t&gt; of every token of every sentence of a document: [sentence][token][feature].</summary>
    /// <param name="document">The tokens of each sentence of the document, in order.</param>
    public static double[][][] Of(IReadOnlyList<IReadOnlyList<string>> document) => Of(document, DocumentWordCounts.Of(document));

    /// <summary>d&lt;t&gt; of every token of some sentences of a document whose counts are known: [sentence][token][feature].</summary>
    /// <param name="sentences">Sentences of the document (their tokens).</param>
    /// <param name="counts">The document's counts.</param>
    public static double[][][] Of(IReadOnlyList<IReadOnlyList<string>> sentences, DocumentWordCounts counts)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return sentences.Select(s => s.Select((word, t) =>
        {
            var d = new double[Count];
            Write(word, t, counts, d);
            return d;
        }).ToArray()).ToArray();
    }
}
