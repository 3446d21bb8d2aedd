namespace RnnNotebooks.Data;

/// <summary>
/// Learns the merges of byte-pair encoding (Sennrich, Haddow and Birch, 2016) from word counts: count every adjacent pair of
/// symbols inside the words, each word weighing its count; merge the most frequent pair everywhere; repeat. Ties go to the
/// pair whose left symbol, then right symbol, comes first in ordinal (code unit) order, so the same words give the same
/// merges on every machine.
/// </summary>
internal static class BytePairLearner
{
    /// <summary>Up to <paramref name="merges"/> merges, stopping early when no pair occurs <paramref name="minCount"/> times.</summary>
    /// <param name="words">Each distinct word's symbols (changed in place as merges are made) and its count.</param>
    /// <param name="merges">The most merges to learn.</param>
    /// <param name="minCount">The fewest occurrences a pair needs to be merged.</param>
    /// <remarks>
    /// The counts are kept up to date rather than recounted: a merge changes only the words that hold its pair, so only
    /// their pairs are taken out of the counts and put back after the merge: the counts stay what recounting every word
    /// would give (a test learns the same merges by recounting at every step).
    /// </remarks>
    public static List<SubwordMerge> Learn(List<(List<string> Symbols, int Count)> words, int merges, int minCount)
    {
        var counts = new Dictionary<SubwordMerge, int>();
        var holders = new Dictionary<SubwordMerge, HashSet<int>>();
        for (int w = 0; w < words.Count; w++)
        {
            AddPairs(words[w].Symbols, w, +words[w].Count, counts, holders);
        }
        var learnt = new List<SubwordMerge>(merges);
        while (learnt.Count < merges && MostFrequent(counts, minCount) is { } best)
        {
            foreach (int w in holders[best].ToArray())
            {
                var (symbols, count) = words[w];
                AddPairs(symbols, w, -count, counts, holders);
                Apply(symbols, best);
                AddPairs(symbols, w, +count, counts, holders);
            }
            learnt.Add(best);
        }
        return learnt;
    }

    /// <summary>Adds <paramref name="count"/> (negative: takes it away) for each adjacent pair of one word, and notes the word as a holder of each.</summary>
    private static void AddPairs(List<string> symbols, int word, int count, Dictionary<SubwordMerge, int> counts, Dictionary<SubwordMerge, HashSet<int>> holders)
    {
        for (int i = 0; i + 1 < symbols.Count; i++)
        {
            var pair = new SubwordMerge(symbols[i], symbols[i + 1]);
            int total = counts.GetValueOrDefault(pair) + count;
            if (total == 0)
            {
                counts.Remove(pair);
            }
            else
            {
                counts[pair] = total;
            }
            if (count > 0)
            {
                (holders.TryGetValue(pair, out var set) ? set : holders[pair] = []).Add(word);
            }
        }
    }

    /// <summary>Merges every occurrence of <paramref name="merge"/> in <paramref name="symbols"/>, left to right.</summary>
    public static void Apply(List<string> symbols, SubwordMerge merge)
    {
        int write = 0;
        for (int read = 0; read < symbols.Count; read++, write++)
        {
            if (read + 1 < symbols.Count && symbols[read] == merge.Left && symbols[read + 1] == merge.Right)
            {
                symbols[write] = merge.Joined;
                read++;
            }
            else
            {
                symbols[write] = symbols[read];
            }
        }
        symbols.RemoveRange(write, symbols.Count - write);
    }

    private static SubwordMerge? MostFrequent(Dictionary<SubwordMerge, int> counts, int minCount)
    {
        SubwordMerge? best = null;
        int bestCount = 0;
        foreach (var (pair, count) in counts)
        {
            if (count > bestCount || (count == bestCount && best is { } b && ComesFirst(pair, b)))
            {
                (best, bestCount) = (pair, count);
            }
        }
        return bestCount >= minCount ? best : null;
    }

    private static bool ComesFirst(SubwordMerge a, SubwordMerge b)
    {
        int left = string.CompareOrdinal(a.Left, b.Left);
        return left < 0 || (left == 0 && string.CompareOrdinal(a.Right, b.Right) < 0);
    }
}
