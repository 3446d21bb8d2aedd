namespace RnnNotebooks.Tasks;

/// <summary>
/// Words to ids for an <see cref="Embedding"/>: id 0 is <see cref="Pad"/> (after the end of a shorter sentence in a
/// batch; masked, so never trained), id 1 is <see cref="Unknown"/> (every word not kept), ids 2 .. V - 1 are the words
/// seen at least a minimum number of times in training, most frequent first (ties in ordinal order), so the same
/// sentences always give the same ids.
/// <para>
/// Lookups go through <see cref="Normalize"/>: lower case, and every digit read as 0. The case of a word is not lost:
/// the tagger sees it in the word-form features (<see cref="WordFeatures"/>), so "Apple" and "apple" share one vector
/// of E, learned from twice the examples, and the features say which of the two was written. Digits as 0 make "1998"
/// and "2024" one word ("0000"), a year. With a minimum count of 2, the words seen once in training map to
/// <see cref="Unknown"/>, so E's unknown column is trained on the rare words: what an unseen word at test time looks like.
/// </para>
/// </summary>
public sealed class WordVocabulary
{
    /// <summary>The padding word, id 0.</summary>
    public const string Pad = "<pad>";

    /// <summary>The unknown word, id 1.</summary>
    public const string Unknown = "<unk>";

    /// <summary>The id of <see cref="Pad"/>.</summary>
    public const int PadId = 0;

    /// <summary>The id of <see cref="Unknown"/>.</summary>
    public const int UnknownId = 1;

    private readonly string[] words;
    private readonly Dictionary<string, int> ids;

    /// <summary>A vocabulary of the given words in id order: words[0] must be <see cref="Pad"/>, words[1] <see cref="Unknown"/>.</summary>
    /// <param name="words">Every word by id, each already normalised, none twice (as <see cref="Words"/> lists them).</param>
    /// <exception cref="ArgumentException">The first two are not &lt;pad&gt; and &lt;unk&gt;, or a word is repeated (named with its ids).</exception>
    public WordVocabulary(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count < 2 || words[PadId] != Pad || words[UnknownId] != Unknown)
        {
            throw new ArgumentException($"a vocabulary starts with {Pad} (id 0) and {Unknown} (id 1); got [{string.Join(", ", words.Take(2))}].", nameof(words));
        }
        this.words = [.. words];
        ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int id = 0; id < this.words.Length; id++)
        {
            if (!ids.TryAdd(this.words[id], id))
            {
                throw new ArgumentException($"word '{this.words[id]}' has ids {ids[this.words[id]]} and {id}; each word needs one id.", nameof(words));
            }
        }
    }

    /// <summary>V, the number of ids including &lt;pad&gt; and &lt;unk&gt;: the columns of E.</summary>
    public int Count => words.Length;

    /// <summary>Every word by id: [0] = &lt;pad&gt;, [1] = &lt;unk&gt;, then the kept words (normalised).</summary>
    public IReadOnlyList<string> Words => words;

    /// <summary>
    /// The words of <paramref name="sentences"/> seen at least <paramref name="minCount"/> times (after <see cref="Normalize"/>),
    /// most frequent first.
    /// </summary>
    /// <param name="sentences">The training sentences' tokens.</param>
    /// <param name="minCount">How often a word must occur to get its own id; 1 keeps every word.</param>
    /// <exception cref="ArgumentOutOfRangeException">minCount is below 1.</exception>
    public static WordVocabulary Build(IEnumerable<IEnumerable<string>> sentences, int minCount = 2) =>
        FromCounts(CountKeys(sentences, Normalize), minCount);

    /// <summary>A vocabulary of already normalised keys (e.g. suffixes) seen at least <paramref name="minCount"/> times.</summary>
    /// <param name="keys">The keys, one per occurrence.</param>
    /// <param name="minCount">How often a key must occur to get its own id.</param>
    public static WordVocabulary FromKeys(IEnumerable<string> keys, int minCount) =>
        FromCounts(CountKeys([keys], key => key), minCount);

    /// <summary>The form every lookup uses: lower case (invariant culture), each decimal digit as '0'.</summary>
    /// <param name="word">A token as written.</param>
    public static string Normalize(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return string.Create(word.Length, word, static (span, w) =>
        {
            for (int i = 0; i < w.Length; i++)
            {
                span[i] = char.IsAsciiDigit(w[i]) ? '0' : char.ToLowerInvariant(w[i]);
            }
        });
    }

    /// <summary>The id of a word as written: its normalised form's id, or <see cref="UnknownId"/>.</summary>
    /// <param name="word">A token as written ("Paris", "1998").</param>
    public int IdOf(string word) => IdOfKey(Normalize(word));

    /// <summary>The id of an already normalised key, or <see cref="UnknownId"/>.</summary>
    /// <param name="key">A key as <see cref="Words"/> holds it.</param>
    public int IdOfKey(string key) => ids.TryGetValue(key, out int id) && id != PadId ? id : UnknownId;

    /// <summary>True when the word has an id of its own (not &lt;unk&gt;).</summary>
    /// <param name="word">A token as written.</param>
    public bool Contains(string word) => IdOf(word) != UnknownId;

    /// <summary>The share of the tokens of <paramref name="sentences"/> that map to &lt;unk&gt;: a split's unknown-word rate.</summary>
    /// <param name="sentences">The tokens of a split, one list per sentence.</param>
    /// <returns>A value in [0, 1]; 0 for no tokens.</returns>
    public double UnknownRate(IEnumerable<IEnumerable<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        int unknown = 0, total = 0;
        foreach (var word in sentences.SelectMany(s => s))
        {
            unknown += Contains(word) ? 0 : 1;
            total++;
        }
        return total == 0 ? 0 : (double)unknown / total;
    }

    /// <summary>
    /// The ids of the words that occur exactly once in <paramref name="sentences"/> (after <see cref="Normalize"/>) and have
    /// an id of their own: the singletons that word dropout may read as &lt;unk&gt; (none when the minimum count was 2 or more).
    /// </summary>
    /// <param name="sentences">The training sentences' tokens (those this vocabulary was built from).</param>
    public IReadOnlySet<int> SingletonIds(IEnumerable<IEnumerable<string>> sentences) =>
        CountKeys(sentences, Normalize).Where(c => c.Value == 1).Select(c => IdOfKey(c.Key)).Where(id => id != UnknownId).ToHashSet();

    private static Dictionary<string, int> CountKeys(IEnumerable<IEnumerable<string>> sentences, Func<string, string> key)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in sentences.SelectMany(s => s))
        {
            string k = key(word);
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }
        return counts;
    }

    private static WordVocabulary FromCounts(Dictionary<string, int> counts, int minCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        var kept = counts.Where(c => c.Value >= minCount && c.Key is not (Pad or Unknown))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key);
        return new WordVocabulary([Pad, Unknown, .. kept]);
    }
}
