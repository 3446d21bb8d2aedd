using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// The tokens a translator reads or writes, each with an id: <c>&lt;pad&gt;</c> 0, <c>&lt;unk&gt;</c> 1 (every token it
/// does not know, such as a character never seen in training), <c>&lt;s&gt;</c> 2 (the decoder's y&lt;0&gt;), <c>&lt;/s&gt;</c> 3
/// (the end of a sentence), then the known tokens. A subword vocabulary also holds its byte-pair encoding, which splits
/// a text into its tokens.
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
    /// <param name="tokens">The tokens by id.</param>
    /// <param name="level">What a token is.</param>
    /// <param name="subwords">The byte-pair encoding that splits a text, for <see cref="TokenLevel.Subwords"/> only.</param>
    /// <exception cref="ArgumentException">The specials are not first, a token repeats (the message names it), or the encoding is missing or not wanted.</exception>
    public TranslationVocabulary(IReadOnlyList<string> tokens, TokenLevel level, BytePairEncoding? subwords = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if ((level == TokenLevel.Subwords) != (subwords is not null))
        {
            throw new ArgumentException($"a vocabulary of {level} {(subwords is null ? "needs" : "takes no")} byte-pair encoding.", nameof(subwords));
        }
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
        Subwords = subwords;
    }

    /// <summary>The vocabulary of texts: every token seen at least <paramref name="minCount"/> times, by frequency, then ordinal order.</summary>
    public static TranslationVocabulary Build(IEnumerable<string> texts, TokenLevel level, int minCount = 1)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new TranslationVocabulary([.. Specials, .. ByFrequency(texts.SelectMany(text => Split(text, level)), minCount)], level);
    }

    /// <summary>
    /// A subword vocabulary: byte-pair encoding learnt from the words of <paramref name="texts"/> (the training side of one
    /// language, as <see cref="SentenceTokens"/> splits it), then every subword the training texts hold, by frequency, then
    /// ordinal order; with <paramref name="everyToken"/> also every other token the encoding can write (the alphabet's
    /// characters and the 256 bytes), so that a source can be read whatever its characters.
    /// </summary>
    /// <param name="texts">The training side of one language.</param>
    /// <param name="merges">N, the most merges to learn.</param>
    /// <param name="everyToken">Keep every token of the encoding (a source vocabulary), not only those the texts hold (a target's).</param>
    public static TranslationVocabulary BuildSubwords(IEnumerable<string> texts, int merges, bool everyToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var words = texts.Select(Normalise).ToList();
        var encoding = BytePairEncoding.Learn(words, merges);
        var seen = ByFrequency(words.SelectMany(encoding.Encode), minCount: 1).ToList();
        var rest = everyToken ? encoding.Tokens.Except(seen, StringComparer.Ordinal) : [];
        return new TranslationVocabulary([.. Specials, .. seen, .. rest], TokenLevel.Subwords, encoding);
    }

    /// <summary>A sentence as subword encoding reads it: its <see cref="SentenceTokens"/> joined by single spaces.</summary>
    public static string Normalise(string text) => SentenceTokens.Join(SentenceTokens.Of(text));

    private static IEnumerable<string> ByFrequency(IEnumerable<string> tokens, int minCount) =>
        tokens.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() >= minCount && !Specials.Contains(g.Key))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);

    /// <summary>Characters, words or subwords.</summary>
    public TokenLevel Level { get; }

    /// <summary>The byte-pair encoding of a subword vocabulary; null for characters and words.</summary>
    public BytePairEncoding? Subwords { get; }

    /// <summary>n_x or n_y: the number of ids.</summary>
    public int Count => tokens.Length;

    /// <summary>The tokens by id.</summary>
    public IReadOnlyList<string> Tokens => tokens;

    /// <summary>The tokens of a text at <paramref name="level"/>, characters or words (subwords need a vocabulary's encoding: <see cref="Split(string)"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="level"/> is <see cref="TokenLevel.Subwords"/>.</exception>
    public static IReadOnlyList<string> Split(string text, TokenLevel level)
    {
        ArgumentNullException.ThrowIfNull(text);
        return level switch
        {
            TokenLevel.Characters => text.Select(c => c.ToString()).ToArray(),
            TokenLevel.Words => SentenceTokens.Of(text),
            _ => throw new ArgumentException("subword tokens come from a vocabulary's byte-pair encoding: call Split on the vocabulary.", nameof(level)),
        };
    }

    /// <summary>The tokens of a text in this vocabulary: its characters, its words, or the subwords of its words.</summary>
    public IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Subwords is { } encoding ? encoding.Encode(Normalise(text)) : Split(text, Level);
    }

    /// <summary>The id of a token, <see cref="UnknownId"/> when unknown.</summary>
    public int IdOf(string token) => ids.TryGetValue(token, out int id) && id != PadId && id != StartId ? id : UnknownId;

    /// <summary>The ids of a text's tokens followed by <see cref="EndId"/> (so an empty text is one step long).</summary>
    public int[] Encode(string text) => [.. Split(text).Select(IdOf), EndId];

    /// <summary>
    /// The text of ids, stopping at the first end token; characters are joined as they are, words with spaces, subwords into
    /// their words (<see cref="BytePairEncoding.Decode"/>).
    /// </summary>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var parts = ids.TakeWhile(id => id != EndId).Select(id => (uint)id < (uint)tokens.Length ? tokens[id] : Specials[UnknownId]);
        return Level switch
        {
            TokenLevel.Characters => string.Concat(parts),
            TokenLevel.Words => string.Join(' ', parts),
            _ => BytePairEncoding.Decode(parts),
        };
    }

    /// <summary>The share of a text's tokens that are unknown.</summary>
    public double UnknownRate(IEnumerable<string> texts)
    {
        var all = texts.SelectMany(Split).ToList();
        return all.Count == 0 ? 0 : all.Count(t => IdOf(t) == UnknownId) / (double)all.Count;
    }
}
