namespace RnnNotebooks.Tasks;

/// <summary>
/// Count-based baselines over note events: a note is one event (its pitch and duration together, as in
/// <see cref="NoteTokens"/>' token pairs), and the end of a melody is one more. The unigram model is
/// P(e) = (c(e) + α) / (N + α K) over all K possible events; the bigram model interpolates towards it,
/// P(e | e') = (c(e', e) + β P_uni(e)) / (c(e') + β), with e' = the start for the first note.
/// </summary>
public sealed class NoteNgramBaseline
{
    private const int Start = -1;
    private const int End = -2;

    private readonly Dictionary<int, int> unigram = [];
    private readonly Dictionary<(int, int), int> bigram = [];
    private readonly Dictionary<int, int> context = [];
    private readonly int total;

    private NoteNgramBaseline(IReadOnlyList<int[]> sequences, bool useBigram, double alpha, double beta)
    {
        UsesBigram = useBigram;
        Alpha = alpha;
        Beta = beta;
        foreach (var events in sequences.Select(Events))
        {
            int previous = Start;
            foreach (int e in events)
            {
                unigram[e] = unigram.GetValueOrDefault(e) + 1;
                bigram[(previous, e)] = bigram.GetValueOrDefault((previous, e)) + 1;
                context[previous] = context.GetValueOrDefault(previous) + 1;
                total++;
                previous = e;
            }
        }
    }

    /// <summary>K: every note event the tokens can write (a pitch or rest with a duration), plus the end.</summary>
    public static int EventCount => (NoteTokens.HighestPitch - NoteTokens.LowestPitch + 2) * NoteTokens.Durations.Count + 1;

    /// <summary>True for the bigram model.</summary>
    public bool UsesBigram { get; }

    /// <summary>α, the unigram's add-α smoothing.</summary>
    public double Alpha { get; }

    /// <summary>β, the bigram's weight on the unigram.</summary>
    public double Beta { get; }

    /// <summary>The unigram model of token sequences (<see cref="NoteTokens.Encode"/>).</summary>
    public static NoteNgramBaseline Unigram(IReadOnlyList<int[]> sequences, double alpha = 0.5) => new(Check(sequences), false, alpha, 0);

    /// <summary>The bigram model with a given β.</summary>
    public static NoteNgramBaseline Bigram(IReadOnlyList<int[]> sequences, double beta, double alpha = 0.5) => new(Check(sequences), true, alpha, beta);

    /// <summary>
    /// The bigram model with β chosen among a few values by its NLL on the last fifth of <paramref name="sequences"/> when
    /// fitted on the rest, then fitted on all of them: no held-out data is used to choose it.
    /// </summary>
    public static NoteNgramBaseline BigramTuned(IReadOnlyList<int[]> sequences, double alpha = 0.5)
    {
        Check(sequences);
        int fit = Math.Max(1, sequences.Count * 4 / 5);
        var first = sequences.Take(fit).ToList();
        var last = sequences.Skip(fit).DefaultIfEmpty(sequences[^1]).ToList();
        double[] betas = [0.5, 1, 2, 5, 10, 20, 50];
        double beta = betas.MinBy(b => Bigram(first, b, alpha).NegativeLogLikelihoodPerNote(last));
        return Bigram(sequences, beta, alpha);
    }

    /// <summary>P(e) or P(e | e').</summary>
    private double Probability(int previous, int e)
    {
        double uni = (unigram.GetValueOrDefault(e) + Alpha) / (total + Alpha * EventCount);
        if (!UsesBigram)
        {
            return uni;
        }
        return (bigram.GetValueOrDefault((previous, e)) + Beta * uni) / (context.GetValueOrDefault(previous) + Beta);
    }

    /// <summary>The mean negative log-likelihood (nats) per note event (each melody's end counted as one) of token sequences.</summary>
    public double NegativeLogLikelihoodPerNote(IReadOnlyList<int[]> sequences)
    {
        double nll = 0;
        int count = 0;
        foreach (var events in Check(sequences).Select(Events))
        {
            int previous = Start;
            foreach (int e in events)
            {
                nll -= CanonicalMath.Log(Probability(previous, e));
                count++;
                previous = e;
            }
        }
        return nll / count;
    }

    /// <summary>A token sequence's events: pitch id * V + duration id per note, then <see cref="End"/>.</summary>
    private static IEnumerable<int> Events(int[] tokens)
    {
        for (int i = 0; i + 1 < tokens.Length; i += 2)
        {
            yield return tokens[i] * NoteTokens.Vocabulary.Count + tokens[i + 1];
        }
        yield return End;
    }

    private static IReadOnlyList<int[]> Check(IReadOnlyList<int[]> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Count == 0 || sequences.Any(s => s.Length % 2 != 0))
        {
            throw new ArgumentException("sequences must be non-empty note token sequences (pitch, duration pairs).", nameof(sequences));
        }
        return sequences;
    }
}
