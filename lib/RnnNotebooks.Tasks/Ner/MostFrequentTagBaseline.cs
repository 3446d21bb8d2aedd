using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// The baseline every tagger must beat: each word, exactly as written, gets the tag it had most often in training
/// (ties go to the earlier tag of <see cref="IobTags.All"/>). A word never seen in training is tagged by one rule: if
/// its first letter is upper case it is part of an entity of the type most frequent in training, I-X when the token
/// before it was tagged X (B-X or I-X), else B-X; otherwise it is O. No context, no learning beyond counting.
/// </summary>
public sealed class MostFrequentTagBaseline
{
    private readonly Dictionary<string, string> tagOf;

    private MostFrequentTagBaseline(Dictionary<string, string> tagOf, string unknownType)
    {
        this.tagOf = tagOf;
        UnknownType = unknownType;
    }

    /// <summary>The entity type given to a capitalised unseen word: the most frequent in training (PER on a tie with nothing).</summary>
    public string UnknownType { get; }

    /// <summary>The number of distinct words seen in training.</summary>
    public int KnownWords => tagOf.Count;

    /// <summary>Counts the tags of every word of the training sentences.</summary>
    /// <param name="train">Tagged sentences.</param>
    public static MostFrequentTagBaseline Train(IReadOnlyList<NerSentence> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var sentence in train)
        {
            for (int t = 0; t < sentence.Length; t++)
            {
                int tag = TagIndex(sentence.Tags[t]);
                (CountsOf(counts, sentence.Tokens[t]))[tag]++;
            }
        }
        var tagOf = counts.ToDictionary(c => c.Key, c => IobTags.All[ArgMax(c.Value)], StringComparer.Ordinal);
        var types = train.SelectMany(s => s.Entities).GroupBy(e => e.Type).Select(g => (Type: g.Key, Count: g.Count()));
        string unknownType = types.OrderByDescending(g => g.Count).ThenBy(g => IobTags.EntityTypes.ToList().IndexOf(g.Type))
            .Select(g => g.Type).FirstOrDefault() ?? IobTags.EntityTypes[0];
        return new MostFrequentTagBaseline(tagOf, unknownType);
    }

    /// <summary>The tags of one sentence.</summary>
    /// <param name="tokens">The tokens.</param>
    public IReadOnlyList<string> Predict(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var tags = new string[tokens.Count];
        for (int t = 0; t < tokens.Count; t++)
        {
            tags[t] = tagOf.TryGetValue(tokens[t], out var tag) ? tag : Unseen(tokens[t], t == 0 ? null : tags[t - 1]);
        }
        return tags;
    }

    /// <summary>The tags of every sentence.</summary>
    /// <param name="sentences">Token lists.</param>
    public IReadOnlyList<IReadOnlyList<string>> Predict(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return sentences.Select(Predict).ToList();
    }

    private string Unseen(string word, string? before)
    {
        var letter = word.FirstOrDefault(char.IsLetter);
        if (!char.IsUpper(letter))
        {
            return IobTags.Outside;
        }
        return before is not null && IobTags.TypeOf(before) == UnknownType ? "I-" + UnknownType : "B-" + UnknownType;
    }

    private static int[] CountsOf(Dictionary<string, int[]> counts, string word) =>
        counts.TryGetValue(word, out var c) ? c : counts[word] = new int[IobTags.All.Count];

    private static int TagIndex(string tag)
    {
        int index = IobTags.All.ToList().IndexOf(tag);
        return index >= 0 ? index : throw new ArgumentException($"tag '{tag}' is not an IOB2 tag ({string.Join(" ", IobTags.All)}).");
    }

    private static int ArgMax(int[] counts)
    {
        int best = 0;
        for (int k = 1; k < counts.Length; k++)
        {
            best = counts[k] > counts[best] ? k : best;
        }
        return best;
    }
}
