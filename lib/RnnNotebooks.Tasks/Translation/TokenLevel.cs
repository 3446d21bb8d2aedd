namespace RnnNotebooks.Tasks;

/// <summary>What one token of a translator is.</summary>
public enum TokenLevel
{
    /// <summary>One character (dates): "3 mars" is '3', ' ', 'm', 'a', 'r', 's'; an output is its characters joined.</summary>
    Characters,

    /// <summary>One word or punctuation mark, as <see cref="RnnNotebooks.Data.SentenceTokens"/> splits them; an output is its tokens joined by spaces.</summary>
    Words,
}
