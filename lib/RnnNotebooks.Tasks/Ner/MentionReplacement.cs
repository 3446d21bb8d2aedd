using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// Mention replacement, a data augmentation for training (Dai &amp; Adel 2020): each entity of a training sentence is, with
/// probability p, replaced by another entity of the same type drawn from the training sentences, its tags rewritten
/// B-X I-X ... for its own length. "[ORG Weather Report] released an album" may become "[ORG Tangerine Dream] released an
/// album": the words around a name stay, the name changes, so the tagger learns to type a name from its context (what
/// an unseen name at test time offers) instead of remembering which names it saw with which type.
/// </summary>
public sealed class MentionReplacement
{
    private readonly Dictionary<string, string[][]> mentions;

    /// <summary>The mentions of every type in <paramref name="train"/> (each occurrence once, so frequent names are drawn more often).</summary>
    /// <param name="train">The training sentences.</param>
    public MentionReplacement(IReadOnlyList<NerSentence> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        mentions = train.SelectMany(s => s.Entities.Select(e => (e.Type, Words: s.Tokens.Skip(e.Start).Take(e.Length).ToArray())))
            .GroupBy(m => m.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Words).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>How many mentions of <paramref name="type"/> can be drawn.</summary>
    /// <param name="type">PER, LOC, ORG or MISC.</param>
    public int CountOf(string type) => mentions.TryGetValue(type, out var m) ? m.Length : 0;

    /// <summary>
    /// The sentence with each entity replaced, with probability <paramref name="p"/>, by a random mention of its type;
    /// the sentence itself when none is (one draw per entity, and one more for each replaced).
    /// </summary>
    /// <param name="sentence">A tagged sentence.</param>
    /// <param name="p">The probability of replacing an entity, in [0, 1].</param>
    /// <param name="random">Draws which entities and which mentions.</param>
    /// <exception cref="ArgumentOutOfRangeException">p is outside [0, 1].</exception>
    public NerSentence Apply(NerSentence sentence, double p, Random random)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(random);
        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "mention replacement needs a probability in [0, 1].");
        }
        var entities = sentence.Entities;
        if (p == 0 || entities.Count == 0)
        {
            return sentence;
        }
        var tokens = new List<string>(sentence.Length);
        var tags = new List<string>(sentence.Length);
        int next = 0;
        bool changed = false;
        foreach (var entity in entities)
        {
            Copy(sentence, next, entity.Start, tokens, tags);
            var words = sentence.Tokens.Skip(entity.Start).Take(entity.Length).ToArray();
            if (random.NextDouble() < p && mentions.TryGetValue(entity.Type, out var pool))
            {
                words = pool[random.Next(pool.Length)];
                changed = true;
            }
            tokens.AddRange(words);
            tags.AddRange(words.Select((_, i) => (i == 0 ? "B-" : "I-") + entity.Type)); // a mention is B-X then I-X
            next = entity.End;
        }
        Copy(sentence, next, sentence.Length, tokens, tags);
        return changed ? new NerSentence(tokens, tags) : sentence;
    }

    private static void Copy(NerSentence sentence, int from, int to, List<string> tokens, List<string> tags)
    {
        for (int t = from; t < to; t++)
        {
            tokens.Add(sentence.Tokens[t]);
            tags.Add(sentence.Tags[t]);
        }
    }
}
