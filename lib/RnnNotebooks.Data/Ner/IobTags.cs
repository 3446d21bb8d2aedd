namespace RnnNotebooks.Data;

/// <summary>
/// The tag schemes of named-entity corpora. IOB2 starts every entity with B-X and continues it with I-X. IOB1
/// (CoNLL-2003, wikigold) starts an entity with I-X and uses B-X only for an entity that directly follows another
/// of the same type. Both read the same way: an I-X that does not continue an X starts a new X, as conlleval does.
/// </summary>
public static class IobTags
{
    /// <summary>The tag outside any entity.</summary>
    public const string Outside = "O";

    /// <summary>The entity types: person, location, organisation, and the rest (nationalities, events, works, languages).</summary>
    public static IReadOnlyList<string> EntityTypes { get; } = ["PER", "LOC", "ORG", "MISC"];

    /// <summary>Every tag: O, then B-X and I-X for each type.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Outside, .. EntityTypes.SelectMany(type => new[] { "B-" + type, "I-" + type })];

    /// <summary>True for O and for B-X or I-X with X one of <see cref="EntityTypes"/>.</summary>
    public static bool IsKnown(string tag) => All.Contains(tag);

    /// <summary>The type of a B-X or I-X tag, or null for O.</summary>
    /// <exception cref="ArgumentException">The tag is neither O nor B-/I- followed by a type.</exception>
    public static string? TypeOf(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag == Outside)
        {
            return null;
        }
        if (tag.Length > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-')
        {
            return tag[2..];
        }
        throw new ArgumentException($"'{tag}' is not a tag: need O, B-X or I-X.", nameof(tag));
    }

    /// <summary>
    /// The same entities in IOB2: each I-X that starts an entity (after O, or after another type) becomes B-X.
    /// IOB2 tags come back unchanged.
    /// </summary>
    /// <param name="tags">IOB1 or IOB2 tags of one sentence.</param>
    public static IReadOnlyList<string> ToIob2(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var result = new string[tags.Count];
        for (int i = 0; i < tags.Count; i++)
        {
            result[i] = StartsEntity(tags, i) ? "B-" + TypeOf(tags[i]) : tags[i];
        }
        return result;
    }

    /// <summary>
    /// The entities of a sentence, conlleval's rule: an entity starts at B-X, or at an I-X that does not continue
    /// an X, and runs over the I-X tags that follow it.
    /// </summary>
    /// <param name="tags">IOB2 (or IOB1) tags of one sentence.</param>
    public static IReadOnlyList<EntitySpan> Spans(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var spans = new List<EntitySpan>();
        for (int start = 0; start < tags.Count; start++)
        {
            if (StartsEntity(tags, start))
            {
                string type = TypeOf(tags[start])!;
                int end = start + 1;
                while (end < tags.Count && tags[end] == "I-" + type)
                {
                    end++;
                }
                spans.Add(new EntitySpan(type, start, end));
            }
        }
        return spans;
    }

    private static bool StartsEntity(IReadOnlyList<string> tags, int i)
    {
        string? type = TypeOf(tags[i]);
        return type is not null && (tags[i][0] == 'B' || i == 0 || TypeOf(tags[i - 1]) != type);
    }
}
