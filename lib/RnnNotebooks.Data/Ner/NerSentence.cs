namespace RnnNotebooks.Data;

/// <summary>One sentence of a named-entity corpus: its tokens and one IOB2 tag per token.</summary>
public sealed record NerSentence
{
    /// <summary>A sentence from its tokens and tags (the same number of each, at least one).</summary>
    /// <param name="tokens">The tokens, as the corpus splits them ("U.S.", "'s" and "," are tokens of their own).</param>
    /// <param name="tags">One tag per token: O, B-X or I-X with X in PER, LOC, ORG, MISC.</param>
    public NerSentence(IReadOnlyList<string> tokens, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(tags);
        if (tokens.Count == 0 || tokens.Count != tags.Count)
        {
            throw new ArgumentException($"{tokens.Count} tokens and {tags.Count} tags: need as many tags as tokens, at least one.", nameof(tags));
        }
        Tokens = tokens;
        Tags = tags;
    }

    /// <summary>The tokens.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The IOB2 tags, one per token.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>
    /// The tokens of every sentence of the document this sentence belongs to (itself included), in order; null when the
    /// sentence stands alone. Set by <see cref="NerSplits.SentencesOf"/>, so a tagger can read document-level features
    /// (how a word is written elsewhere in its article); these are inputs, never tags.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>>? Document { get; init; }

    /// <summary>The number of tokens.</summary>
    public int Length => Tokens.Count;

    /// <summary>The entities the tags mark, in order (see <see cref="IobTags.Spans"/>).</summary>
    public IReadOnlyList<EntitySpan> Entities => IobTags.Spans(Tags);

    /// <summary>The words of an entity, joined by spaces: "Bank of England".</summary>
    /// <param name="entity">One of this sentence's <see cref="Entities"/>.</param>
    public string TextOf(EntitySpan entity) => string.Join(" ", Tokens.Skip(entity.Start).Take(entity.Length));

    /// <summary>The sentence with its entities in brackets: "[PER Ada Lovelace] wrote in [LOC London] .".</summary>
    public override string ToString()
    {
        var words = Tokens.ToArray();
        foreach (var entity in Entities)
        {
            words[entity.Start] = $"[{entity.Type} {words[entity.Start]}";
            words[entity.End - 1] += "]";
        }
        return string.Join(" ", words);
    }
}
