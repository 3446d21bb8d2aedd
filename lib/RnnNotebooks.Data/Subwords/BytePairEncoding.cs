using System.Text;

namespace RnnNotebooks.Data;

/// <summary>
/// Byte-pair encoding (Sennrich, Haddow and Birch, 2016): a word is split into subwords by merges learnt from a corpus, so
/// frequent words stay whole ("suis▁") and rare ones fall into frequent pieces ("fati" "gué▁"). Merges stay inside a word,
/// whose last symbol carries the end-of-word marker <see cref="SubwordSymbols.EndOfWord"/>; a character never seen in
/// learning becomes its UTF-8 byte tokens. Every text encodes to known tokens and <see cref="Decode"/> gives it back exactly.
/// </summary>
public sealed class BytePairEncoding
{
    private readonly HashSet<string> alphabet;
    private readonly Dictionary<SubwordMerge, int> ranks;
    private readonly string[] tokens;

    /// <summary>An encoding of the given alphabet and merges, in the order they were learnt.</summary>
    /// <param name="alphabet">The single characters kept as symbols (each one code point, none of the reserved two).</param>
    /// <param name="merges">The merges; each joins symbols that exist by then (alphabet, marker, bytes or earlier merges).</param>
    /// <exception cref="ArgumentException">A character is not one allowed code point or repeats, or a merge joins an unknown symbol (the message names its index).</exception>
    public BytePairEncoding(IReadOnlyList<string> alphabet, IReadOnlyList<SubwordMerge> merges)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(merges);
        this.alphabet = CheckAlphabet(alphabet);
        Alphabet = [.. alphabet];
        Merges = [.. merges];
        ranks = [];
        var known = new HashSet<string>([SubwordSymbols.EndOfWord, .. alphabet, .. SubwordSymbols.ByteTokens], StringComparer.Ordinal);
        var vocabulary = new List<string>(known.Count + merges.Count) { SubwordSymbols.EndOfWord };
        vocabulary.AddRange(alphabet);
        vocabulary.AddRange(SubwordSymbols.ByteTokens);
        for (int i = 0; i < merges.Count; i++)
        {
            var merge = merges[i];
            if (!known.Contains(merge.Left) || !known.Contains(merge.Right))
            {
                throw new ArgumentException($"merges[{i}] ({merge}) joins a symbol that neither the alphabet nor an earlier merge makes.", nameof(merges));
            }
            ranks.TryAdd(merge, i);
            if (known.Add(merge.Joined))
            {
                vocabulary.Add(merge.Joined);
            }
        }
        tokens = [.. vocabulary];
    }

    /// <summary>
    /// Learns up to <paramref name="merges"/> merges from the words of <paramref name="texts"/> (split at spaces). The
    /// alphabet is every character in them; each step merges the most frequent adjacent pair, ties going to the pair first in
    /// ordinal order of its left, then its right symbol; learning stops early when no pair occurs <paramref name="minCount"/> times.
    /// </summary>
    /// <param name="texts">The training side of one language.</param>
    /// <param name="merges">N, the most merges.</param>
    /// <param name="minCount">The fewest occurrences a pair needs to be merged (2: a pair seen once is no pattern).</param>
    public static BytePairEncoding Learn(IEnumerable<string> texts, int merges, int minCount = 2)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfNegative(merges);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minCount);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in texts.SelectMany(SubwordSymbols.Words))
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }
        var words = counts.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => (SubwordSymbols.Initial(w.Key, null), w.Value)).ToList();
        var alphabet = words.SelectMany(w => w.Item1).Where(s => s != SubwordSymbols.EndOfWord && SubwordSymbols.ByteOf(s) is null)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new BytePairEncoding(alphabet, BytePairLearner.Learn(words, merges, minCount));
    }

    /// <summary>The characters kept as symbols, in ordinal order.</summary>
    public IReadOnlyList<string> Alphabet { get; }

    /// <summary>The merges in the order learnt: a lower index is applied first.</summary>
    public IReadOnlyList<SubwordMerge> Merges { get; }

    /// <summary>Every token an encoding can hold: the marker, the alphabet, the 256 byte tokens, then each merge's new symbol.</summary>
    public IReadOnlyList<string> Tokens => tokens;

    /// <summary>The subword tokens of a text: each word's symbols merged by the lowest-ranked pair present until none applies.</summary>
    public IReadOnlyList<string> Encode(string text) => SubwordSymbols.Words(text).SelectMany(EncodeWord).ToArray();

    /// <summary>The text of tokens (see <see cref="SubwordSymbols.Decode"/>).</summary>
    public static string Decode(IEnumerable<string> tokens) => SubwordSymbols.Decode(tokens);

    /// <summary>The symbols of one word.</summary>
    public List<string> EncodeWord(string word)
    {
        var symbols = SubwordSymbols.Initial(word, alphabet);
        while (LowestRanked(symbols) is { } merge)
        {
            BytePairLearner.Apply(symbols, merge);
        }
        return symbols;
    }

    private SubwordMerge? LowestRanked(List<string> symbols)
    {
        SubwordMerge? best = null;
        int bestRank = int.MaxValue;
        for (int i = 0; i + 1 < symbols.Count; i++)
        {
            var pair = new SubwordMerge(symbols[i], symbols[i + 1]);
            if (ranks.TryGetValue(pair, out int rank) && rank < bestRank)
            {
                (best, bestRank) = (pair, rank);
            }
        }
        return best;
    }

    private static HashSet<string> CheckAlphabet(IReadOnlyList<string> alphabet)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < alphabet.Count; i++)
        {
            var text = alphabet[i] ?? "";
            bool single = text.Length > 0 && Rune.TryGetRuneAt(text, 0, out var rune) && rune.Utf16SequenceLength == text.Length;
            if (!single || !SubwordSymbols.IsAllowed(Rune.GetRuneAt(text, 0)) || !set.Add(text))
            {
                throw new ArgumentException($"alphabet[{i}] is '{text}': each must be one character (code point), not {SubwordSymbols.EndOfWord} or ⟨, and appear once.", nameof(alphabet));
            }
        }
        return set;
    }
}
