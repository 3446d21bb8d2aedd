namespace RnnNotebooks.Data;

/// <summary>
/// Corpus BLEU (Papineni et al. 2002) as sacreBLEU computes it, on tokens already split (here by <see cref="SentenceTokens"/>):
/// <code>
/// p_n  = sum over sentences of sum over the candidate's n-grams g of min(count_cand(g), max over references count_ref(g))
///        / sum over sentences of the number of the candidate's n-grams,           n = 1 .. 4
/// BP   = 1 if c &gt; r, else exp(1 - r / c)       (c: candidate tokens, r: closest reference length per sentence, summed)
/// BLEU = 100 BP exp((log p_1 + log p_2 + log p_3 + log p_4) / 4)
/// </code>
/// Without smoothing: if some p_n is 0 the score is 0 (sacreBLEU's default 'exp' smoothing differs from this only then).
/// </summary>
public static class Bleu
{
    /// <summary>The highest n-gram order, 4.</summary>
    public const int MaxOrder = 4;

    /// <summary>Corpus BLEU of candidates against one or more references each.</summary>
    /// <param name="candidates">One token list per sentence.</param>
    /// <param name="references">For each sentence, its references (at least one), each a token list.</param>
    /// <exception cref="ArgumentException">The lists differ in length, or a sentence has no reference (the message names it).</exception>
    public static BleuScore Corpus(IReadOnlyList<IReadOnlyList<string>> candidates, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> references)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(references);
        if (candidates.Count != references.Count)
        {
            throw new ArgumentException($"{candidates.Count} candidates but {references.Count} reference sets; expected one set per candidate.", nameof(references));
        }
        var matches = new long[MaxOrder];
        var totals = new long[MaxOrder];
        int c = 0, r = 0;
        for (int s = 0; s < candidates.Count; s++)
        {
            if (references[s].Count == 0)
            {
                throw new ArgumentException($"sentence {s} has no reference; BLEU needs at least one.", nameof(references));
            }
            c += candidates[s].Count;
            r += ClosestLength(candidates[s].Count, references[s]);
            for (int n = 1; n <= MaxOrder; n++)
            {
                var (matched, total) = ClippedMatches(candidates[s], references[s], n);
                matches[n - 1] += matched;
                totals[n - 1] += total;
            }
        }
        return Score(matches, totals, c, r);
    }

    /// <summary>BLEU from the summed counts.</summary>
    private static BleuScore Score(long[] matches, long[] totals, int c, int r)
    {
        var precisions = new double[MaxOrder];
        double logSum = 0;
        for (int n = 0; n < MaxOrder; n++)
        {
            precisions[n] = totals[n] == 0 ? 0 : (double)matches[n] / totals[n]; // p_n
            logSum += precisions[n] > 0 ? CanonicalMath.Log(precisions[n]) : double.NegativeInfinity;
        }
        double bp = c == 0 ? 0 : c > r ? 1 : CanonicalMath.Exp(1 - (double)r / c); // BP
        double bleu = double.IsNegativeInfinity(logSum) || bp == 0 ? 0 : 100 * bp * CanonicalMath.Exp(logSum / MaxOrder); // BLEU
        return new BleuScore(bleu, precisions, bp, c, r);
    }

    /// <summary>The reference length closest to the candidate's; the shorter one on a tie (as sacreBLEU).</summary>
    private static int ClosestLength(int candidate, IReadOnlyList<IReadOnlyList<string>> references) =>
        references.Select(reference => reference.Count).OrderBy(length => Math.Abs(length - candidate)).ThenBy(length => length).First();

    /// <summary>The candidate's n-grams that a reference also has, each counted at most as often as the reference that has it most.</summary>
    private static (long Matched, long Total) ClippedMatches(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references, int n)
    {
        var counts = NGrams(candidate, n);
        var maxReference = new Dictionary<string, int>();
        foreach (var reference in references)
        {
            foreach (var (gram, count) in NGrams(reference, n))
            {
                maxReference[gram] = Math.Max(count, maxReference.GetValueOrDefault(gram));
            }
        }
        long matched = counts.Sum(pair => (long)Math.Min(pair.Value, maxReference.GetValueOrDefault(pair.Key))); // min(count_cand, max count_ref)
        return (matched, Math.Max(0, candidate.Count - n + 1));
    }

    /// <summary>How often each n-gram occurs, keyed by its tokens joined with U+0001.</summary>
    private static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>();
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            var key = string.Join('\u0001', Enumerable.Range(i, n).Select(k => tokens[k]));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }
}
