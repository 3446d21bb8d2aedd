namespace RnnNotebooks.Tasks;

/// <summary>What one token of a translator is.</summary>
public enum TokenLevel
{
    /// <summary>One character (dates): "3 mars" is '3', ' ', 'm', 'a', 'r', 's'; an output is its characters joined.</summary>
    Characters,

    /// <summary>One word or punctuation mark, as <see cref="RnnNotebooks.Data.SentenceTokens"/> splits them; an output is its tokens joined by spaces.</summary>
    Words,

    /// <summary>
    /// One subword of byte-pair encoding (<see cref="RnnNotebooks.Data.BytePairEncoding"/>) over the words of
    /// <see cref="RnnNotebooks.Data.SentenceTokens"/>: "fatigué" is "fati" "gué▁"; an output is its subwords joined into
    /// words, the words by spaces. No character is unknown: one never seen is read as its UTF-8 bytes.
    /// </summary>
    Subwords,
}
