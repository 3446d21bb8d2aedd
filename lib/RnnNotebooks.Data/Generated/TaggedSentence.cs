namespace RnnNotebooks.Data;

/// <summary>
/// One sentence of the <see cref="NameTagging"/> task: word ids x&lt;1&gt; .. x&lt;T&gt; and a tag y&lt;t&gt; in {0, 1} per
/// word. Positions are 1-based, as in the note: element [t - 1] is word t.
/// </summary>
/// <param name="Tokens">The word ids, each an index into <see cref="NameTagging.Words"/>.</param>
/// <param name="Tags">1 for the name and for a pronoun that refers back to it, else 0.</param>
/// <param name="NamePosition">The 1-based position of the name.</param>
/// <param name="PronounPosition">The 1-based position of the pronoun, or 0 when the sentence has none.</param>
public sealed record TaggedSentence(IReadOnlyList<int> Tokens, IReadOnlyList<int> Tags, int NamePosition, int PronounPosition)
{
    /// <summary>T, the number of words.</summary>
    public int Length => Tokens.Count;

    /// <summary>
    /// True when a model's tags are all right: p(tag = 1) &gt; 0.5 exactly where the tag is 1. A model that gives
    /// fewer probabilities than there are words (a fixed-width net that cut the sentence) says 0 for the rest.
    /// </summary>
    /// <param name="probabilities">p(tag = 1) for words 1, 2, ... (at most <see cref="Length"/> values).</param>
    public bool AllTagsRight(IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count > Length)
        {
            throw new ArgumentException($"{probabilities.Count} probabilities for a sentence of {Length} words.", nameof(probabilities));
        }
        for (int t = 1; t <= Length; t++)
        {
            int predicted = t <= probabilities.Count && probabilities[t - 1] > 0.5 ? 1 : 0;
            if (predicted != Tags[t - 1])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The words, with the tagged ones in capitals: "the owl HARRY saw HE map".</summary>
    public override string ToString() => string.Join(" ", Tokens.Select((token, i) =>
        Tags[i] == 1 ? NameTagging.Words[token].ToUpperInvariant() : NameTagging.Words[token]));
}
