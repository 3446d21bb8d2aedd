using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// The tokens a translator reads or writes, each with an id: <c>&lt;pad&gt;</c> 0, <c>&lt;unk&gt;</c> 1 (every token it
/// does not know, such as a character never seen in training), <c>&lt;s&gt;</c> 2 (the decoder's y&lt;0&gt;), <c>&lt;/s&gt;</c> 3
/// (the end of a sentence), then the known tokens.
/// </summary>
public sealed class TranslationVocabulary
{
    /// <summary>Padding.</summary>
    public const int PadId = 0;

    /// <summary>The unknown token.</summary>
    public const int UnknownId = 1;

    /// <summary>The start token, y&lt;0&gt;.</summary>
    public const int StartId = 2;

    /// <summary>The end token.</summary>
    public const int EndId = 3;

    /// <summary>The four special tokens, in id order.</summary>
    public static IReadOnlyList<string> Specials { get; } = ["<pad>", "<unk>", "<s>", "</s>"];

    private readonly string[] tokens;
    private readonly Dictionary<string, int> ids;

    /// <summary>A vocabulary of the given tokens in id order; the first four must be <see cref="Specials"/>.</summary>
    /// <exception cref="ArgumentException">The specials are not first, or a token repeats (the message names it).</exception>
    public TranslationVocabulary(IReadOnlyList<string> tokens, TokenLevel level)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count < Specials.Count || !tokens.Take(Specials.Count).SequenceEqual(Specials))
        {
            throw new ArgumentException($"a vocabulary starts with {string.Join(" ", Specials)}.", nameof(tokens));
        }
        this.tokens = [.. tokens];
        ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < this.tokens.Length; i++)
        {
            if (!ids.TryAdd(this.tokens[i], i))
            {
                throw new ArgumentException($"token '{this.tokens[i]}' appears twice (ids {ids[this.tokens[i]]} and {i}).", nameof(tokens));
            }
        }
        Level = level;
    }

    /// <summary>The vocabulary of texts: every token seen at least <paramref name="minCount"/> times, by frequency, then ordinal order.</summary>
    public static TranslationVocabulary Build(IEnumerable<string> texts, TokenLevel level, int minCount = 1)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var counts = texts.SelectMany(text => Split(text, level)).GroupBy(t => t, StringComparer.Ordinal)
            .Where(g => g.Count() >= minCount).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);
        return new TranslationVocabulary([.. Specials, .. counts.Where(t => !Specials.Contains(t))], level);
    }

    /// <summary>Characters or words.</summary>
    public TokenLevel Level { get; }

    /// <summary>n_x or n_y: the number of ids.</summary>
    public int Count => tokens.Length;

    /// <summary>The tokens by id.</summary>
    public IReadOnlyList<string> Tokens => tokens;

    /// <summary>The tokens of a text at <paramref name="level"/>.</summary>
    public static IReadOnlyList<string> Split(string text, TokenLevel level)
    {
        ArgumentNullException.ThrowIfNull(text);
        return level == TokenLevel.Characters ? text.Select(c => c.ToString()).ToArray() : SentenceTokens.Of(text);
    }

    /// <summary>The id of a token, <see cref="UnknownId"/> when unknown.</summary>
    public int IdOf(string token) => ids.TryGetValue(token, out int id) && id != PadId && id != StartId ? id : UnknownId;

    /// <summary>The ids of a text's tokens followed by <see cref="EndId"/> (so an empty text is one step long).</summary>
    public int[] Encode(string text) => [.. Split(text, Level).Select(IdOf), EndId];

    /// <summary>The text of ids, stopping at the first end token; characters are joined as they are, words with spaces.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var parts = ids.TakeWhile(id => id != EndId).Select(id => (uint)id < (uint)tokens.Length ? tokens[id] : Specials[UnknownId]);
        return Level == TokenLevel.Characters ? string.Concat(parts) : string.Join(' ', parts);
    }

    /// <summary>The share of a text's tokens that are unknown.</summary>
    public double UnknownRate(IEnumerable<string> texts)
    {
        var all = texts.SelectMany(text => Split(text, Level)).ToList();
        return all.Count == 0 ? 0 : all.Count(t => IdOf(t) == UnknownId) / (double)all.Count;
    }
}
