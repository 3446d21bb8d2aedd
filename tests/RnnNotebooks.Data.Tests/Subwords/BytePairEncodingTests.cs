using RnnNotebooks.Data;
using RnnNotebooks.Data.Tests.Ner;

namespace RnnNotebooks.Data.Tests;

public sealed class BytePairEncodingTests
{
    // Sennrich et al.'s example: low x5, lower x2, newest x6, widest x3.
    private static readonly string[] Corpus =
        [.. Enumerable.Repeat("low", 5), .. Enumerable.Repeat("lower", 2), .. Enumerable.Repeat("newest", 6), .. Enumerable.Repeat("widest", 3)];

    [Fact]
    public void The_first_merges_are_the_most_frequent_pairs_counted_by_hand()
    {
        // Counted by hand (▁ ends a word): e s, s t, t ▁ occur 9 times each (newest 6 + widest 3): the tie goes to e s,
        // first in ordinal order; then es t 9, est ▁ 9; l o and o w 7 each (low 5 + lower 2): l o first, then lo w 7;
        // then e w, n e and w est▁ 6 each (newest): e w first.
        var bpe = BytePairEncoding.Learn(Corpus, merges: 6);

        Assert.Equal(["e s", "es t", "est ▁", "l o", "lo w", "e w"], bpe.Merges.Select(m => m.ToString()));
        Assert.Equal(["d", "e", "i", "l", "n", "o", "r", "s", "t", "w"], bpe.Alphabet);
        Assert.Equal(["low", "est▁"], bpe.Encode("lowest"));
        Assert.Equal(["n", "ew", "est▁"], bpe.Encode("newest"));
    }

    [Fact]
    public void Counts_kept_up_to_date_learn_the_merges_that_recounting_every_step_learns()
    {
        var texts = DateCorpus.Generate(train: 1500, heldOut: 10, seed: 4).Train.Select(p => p.Source).ToList();

        var bpe = BytePairEncoding.Learn(texts, merges: 300);

        Assert.Equal(300, bpe.Merges.Count);
        Assert.Equal(RecountedMerges(texts, 300), bpe.Merges);
    }

    /// <summary>The reference: recount every pair of every word before each merge.</summary>
    private static List<SubwordMerge> RecountedMerges(IEnumerable<string> texts, int merges)
    {
        var words = texts.SelectMany(t => t.Split(' ')).GroupBy(w => w, StringComparer.Ordinal)
            .Select(g => (Symbols: g.Key.EnumerateRunes().Select(r => r.ToString()).Append("▁").ToList(), Count: g.Count())).ToList();
        var learnt = new List<SubwordMerge>();
        while (learnt.Count < merges)
        {
            var counts = words.SelectMany(w => w.Symbols.Zip(w.Symbols.Skip(1), (l, r) => (Pair: new SubwordMerge(l, r), w.Count)))
                .GroupBy(p => p.Pair).Select(g => (g.Key, Count: g.Sum(p => p.Count))).ToList();
            var best = counts.OrderByDescending(c => c.Count).ThenBy(c => c.Key.Left, StringComparer.Ordinal).ThenBy(c => c.Key.Right, StringComparer.Ordinal).First();
            if (best.Count < 2)
            {
                break;
            }
            learnt.Add(best.Key);
            foreach (var (symbols, _) in words)
            {
                for (int i = 0; i + 1 < symbols.Count; i++)
                {
                    if (symbols[i] == best.Key.Left && symbols[i + 1] == best.Key.Right)
                    {
                        symbols[i] = best.Key.Joined;
                        symbols.RemoveAt(i + 1);
                    }
                }
            }
        }
        return learnt;
    }

    [Fact]
    public void Learning_stops_when_no_pair_occurs_min_count_times()
    {
        var bpe = BytePairEncoding.Learn(["ab", "cd"], merges: 10);

        Assert.Empty(bpe.Merges); // every pair occurs once; the default minCount is 2
        Assert.Equal(["a", "b", "▁", "c", "d", "▁"], bpe.Encode("ab cd"));
    }

    [Fact]
    public void Ties_go_to_the_pair_first_in_ordinal_order_whatever_the_order_of_the_texts()
    {
        // a b, b ▁, b a, a ▁ each once: (a, b) is first (b is U+0062, ▁ U+2581).
        var one = BytePairEncoding.Learn(["ab", "ba"], merges: 3, minCount: 1);
        var other = BytePairEncoding.Learn(["ba", "ab"], merges: 3, minCount: 1);

        Assert.Equal(new SubwordMerge("a", "b"), one.Merges[0]);
        Assert.Equal(one.Merges, other.Merges);
        Assert.Equal(one.Tokens, other.Tokens);
    }

    [Fact]
    public void Characters_never_seen_become_utf8_bytes_and_decode_back()
    {
        var bpe = BytePairEncoding.Learn(Corpus, merges: 20);
        string text = "naïve  café ☃ 😀 日本 lowest ▁ ⟨0x41⟩";

        var tokens = bpe.Encode(text);

        Assert.All(tokens, t => Assert.Contains(t, bpe.Tokens));
        Assert.Contains(SubwordSymbols.ByteToken(0xE2), tokens); // ☃ is E2 98 83 in UTF-8
        Assert.Equal(["⟨0xF0⟩", "⟨0x9F⟩", "⟨0x98⟩", "⟨0x80⟩", "▁"], bpe.EncodeWord("😀"));
        Assert.Equal(text, BytePairEncoding.Decode(tokens));
        Assert.Equal(" a\u202F!  ", BytePairEncoding.Decode(bpe.Encode(" a\u202F!  "))); // spaces where they were, other white space as characters
    }

    [Fact]
    public void Decoding_takes_any_tokens_without_a_crash()
    {
        Assert.Equal("", BytePairEncoding.Decode([]));
        Assert.Equal("", BytePairEncoding.Decode(BytePairEncoding.Learn(Corpus, 5).Encode("")));
        Assert.Equal("a\uFFFD b", BytePairEncoding.Decode(["a", "⟨0xE2⟩", "▁", "b"])); // a lone lead byte is no UTF-8
        Assert.Equal("lo w", BytePairEncoding.Decode(["lo▁", "w"])); // an output that stops inside a word keeps its last piece
    }

    [Fact]
    public void A_merge_of_an_unknown_symbol_or_a_bad_alphabet_is_named()
    {
        var merge = Assert.Throws<ArgumentException>(() => new BytePairEncoding(["a", "b"], [new("a", "b"), new("ab", "c")]));
        var alphabet = Assert.Throws<ArgumentException>(() => new BytePairEncoding(["a", "bc"], []));
        var marker = Assert.Throws<ArgumentException>(() => new BytePairEncoding(["▁"], []));

        Assert.Contains("merges[1] (ab c)", merge.Message);
        Assert.Contains("alphabet[1] is 'bc'", alphabet.Message);
        Assert.Contains("alphabet[0]", marker.Message);
        Assert.Throws<FormatException>(() => SubwordMerge.Parse("abc"));
        Assert.Equal(new SubwordMerge("é", "s▁"), SubwordMerge.Parse("é s▁"));
    }

    [RealDataFact("translation/eng-fra-tatoeba.txt")]
    public async Task Tatoeba_lines_of_both_languages_round_trip_to_the_original_text()
    {
        var (splits, _) = await Tatoeba.LoadAsync(DataFolder.FromEnvironment(new HttpClient(new ServedBytes(null))));
        var english = BytePairEncoding.Learn(splits.Train.Select(p => p.English), merges: 1000);
        var french = BytePairEncoding.Learn(splits.Train.Select(p => p.French), merges: 1000);
        var all = splits.Train.Concat(splits.Test).ToList();

        Assert.Equal(1000, english.Merges.Count);
        Assert.All(all, p => Assert.Equal(p.English, BytePairEncoding.Decode(english.Encode(p.English))));
        Assert.All(all, p => Assert.Equal(p.French, BytePairEncoding.Decode(french.Encode(p.French))));
        Assert.All(splits.Test, p => Assert.All(french.Encode(p.French), t => Assert.Contains(t, french.Tokens)));
        Assert.Equal(english.Merges, BytePairEncoding.Learn(splits.Train.Select(p => p.English), merges: 1000).Merges);
    }
}
