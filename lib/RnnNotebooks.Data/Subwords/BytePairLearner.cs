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
    public static List<SubwordMerge> Learn(List<(List<string> Symbols, int Count)> words, int merges, int minCount)
    {
        var learnt = new List<SubwordMerge>(merges);
        while (learnt.Count < merges && MostFrequent(PairCounts(words), minCount) is { } best)
        {
            foreach (var (symbols, _) in words)
            {
                Apply(symbols, best);
            }
            learnt.Add(best);
        }
        return learnt;
    }

    /// <summary>How often each adjacent pair occurs, over all words, each weighing its count.</summary>
    public static Dictionary<SubwordMerge, int> PairCounts(IEnumerable<(List<string> Symbols, int Count)> words)
    {
        var counts = new Dictionary<SubwordMerge, int>();
        foreach (var (symbols, count) in words)
        {
            for (int i = 0; i + 1 < symbols.Count; i++)
            {
                var pair = new SubwordMerge(symbols[i], symbols[i + 1]);
                counts[pair] = counts.GetValueOrDefault(pair) + count;
            }
        }
        return counts;
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
