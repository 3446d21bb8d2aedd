namespace RnnNotebooks.Data;

/// <summary>
/// The IOBES scheme (Ratinov and Roth 2009; Lample et al. 2016): an entity of one token is S-X, a longer one B-X, I-X ...,
/// E-X, so a tagger also learns where an entity ends. A tagger may read and write it inside; corpora, scores and printed
/// tags stay IOB2 (<see cref="IobTags"/>).
/// </summary>
public static class IobesTags
{
    /// <summary>Every tag: O, then B-X, I-X, E-X and S-X for each type (17).</summary>
    public static IReadOnlyList<string> All { get; } =
        [IobTags.Outside, .. IobTags.EntityTypes.SelectMany(type => new[] { "B-" + type, "I-" + type, "E-" + type, "S-" + type })];

    /// <summary>Whether a list of tags is in this scheme: it holds an E-X or S-X tag.</summary>
    /// <param name="tags">Tags, e.g. a tagger's tag set.</param>
    public static bool Uses(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.Any(tag => tag.StartsWith("E-", StringComparison.Ordinal) || tag.StartsWith("S-", StringComparison.Ordinal));
    }

    /// <summary>The same entities in IOBES: the entities conlleval reads (<see cref="IobTags.Spans"/>), one token S-X, longer B-X I-X ... E-X.</summary>
    /// <param name="tags">IOB2 (or IOB1) tags of one sentence.</param>
    public static IReadOnlyList<string> FromIob2(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var result = Enumerable.Repeat(IobTags.Outside, tags.Count).ToArray();
        foreach (var span in IobTags.Spans(tags))
        {
            for (int t = span.Start; t < span.End; t++)
            {
                char prefix = span.End - span.Start == 1 ? 'S' : t == span.Start ? 'B' : t == span.End - 1 ? 'E' : 'I';
                result[t] = prefix + "-" + span.Type;
            }
        }
        return result;
    }

    /// <summary>
    /// IOBES (or IOB) tags as valid IOB2: S-X is read as B-X and E-X as I-X, then an I-X that does not continue an X
    /// becomes B-X (<see cref="IobTags.ToIob2"/>). A decoded sequence need not be valid IOBES (B-X O, E-X after O):
    /// every token keeps its type, and an entity ends where conlleval would end it.
    /// </summary>
    /// <param name="tags">Tags of one sentence.</param>
    /// <exception cref="ArgumentException">A tag is neither O nor B-, I-, E-, S- followed by a type (the message names it).</exception>
    public static IReadOnlyList<string> ToIob2(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return IobTags.ToIob2(tags.Select(tag => tag.Length > 2 && tag[1] == '-' && tag[0] is 'S' or 'E'
            ? (tag[0] == 'S' ? "B" : "I") + tag[1..] : tag).ToArray());
    }
}
