namespace RnnNotebooks.Tasks;

/// <summary>
/// Pools the hidden states of each sentence of a padded batch into one feature vector h_j, and sends dL/dh_j back to the
/// states. Sentence j has T_j real steps; the steps after it (padding) take no part and get no gradient:
/// <code>
/// last_j = a&lt;T_j&gt;_j                                 (n_a)   dL/da&lt;T_j&gt;_j  += dlast_j
/// mean_j = (1 / T_j) sum_{t=1..T_j} a&lt;t&gt;_j            (n_a)   dL/da&lt;t&gt;_j    += dmean_j / T_j   for t = 1..T_j
/// max_ij = max_{t=1..T_j} a&lt;t&gt;_ij = a&lt;t*_ij&gt;_ij        (n_a)   dL/da&lt;t*_ij&gt;_ij += dmax_ij        (the first argmax)
/// h_j    = [last_j; mean_j; max_j] or the chosen subset, in that order   (P n_a), P = 1, 2 or 3
/// </code>
/// </summary>
internal sealed class StatePooling
{
    private int[][] argMax = [];
    private int[] lengths = [];
    private readonly int nA;

    /// <summary>A pooling of states of n_a units.</summary>
    /// <param name="pooling">The parts of h, at least one.</param>
    /// <param name="nA">n_a.</param>
    /// <exception cref="ArgumentOutOfRangeException">No part, or a value outside <see cref="SentimentPooling.All"/>.</exception>
    public StatePooling(SentimentPooling pooling, int nA)
    {
        if (pooling == 0 || (pooling & ~SentimentPooling.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pooling), $"pooling is {pooling}; expected Last, Mean, Max or a combination of them.");
        }
        Pooling = pooling;
        this.nA = nA;
        Parts = [.. new[] { SentimentPooling.Last, SentimentPooling.Mean, SentimentPooling.Max }.Where(p => pooling.HasFlag(p))];
    }

    /// <summary>The parts of h, in order.</summary>
    public SentimentPooling Pooling { get; }

    /// <summary>The parts one by one, in the order h stacks them.</summary>
    public SentimentPooling[] Parts { get; }

    /// <summary>P n_a, the length of h_j.</summary>
    public int Width => Parts.Length * nA;

    /// <summary>h_j of every sentence: m arrays of P n_a.</summary>
    /// <param name="cache">The recurrent layer's forward pass: a&lt;t&gt; (n_a, m) for t = 1..Tx.</param>
    /// <param name="sentenceLengths">T_j of each sentence, each in [1, Tx].</param>
    public double[][] Forward(RecurrentCache cache, IReadOnlyList<int> sentenceLengths)
    {
        int m = cache.BatchSize;
        Check(sentenceLengths, cache.Length, m);
        lengths = [.. sentenceLengths];
        argMax = new int[m][];
        var h = new double[m][];
        for (int j = 0; j < m; j++)
        {
            h[j] = new double[Width];
            argMax[j] = new int[nA];
        }
        for (int p = 0; p < Parts.Length; p++)
        {
            for (int j = 0; j < m; j++)
            {
                var part = h[j].AsSpan(p * nA, nA);
                switch (Parts[p])
                {
                    case SentimentPooling.Last: Last(cache, j, part); break;
                    case SentimentPooling.Mean: Mean(cache, j, part); break;
                    default: Max(cache, j, part); break;
                }
            }
        }
        return h;
    }

    /// <summary>dL/da&lt;t&gt; for t = 1..Tx from dL/dh_j of the last <see cref="Forward"/>: Tx matrices (n_a, m), 0 on padding.</summary>
    /// <param name="dH">dL/dh_j: m arrays of P n_a.</param>
    /// <param name="tx">Tx, the padded length of the batch.</param>
    public Matrix[] Backward(IReadOnlyList<double[]> dH, int tx)
    {
        int m = lengths.Length;
        if (dH.Count != m)
        {
            throw new ArgumentException($"dH has {dH.Count} sentences; the last forward pass pooled {m}.", nameof(dH));
        }
        var dA = Enumerable.Range(0, tx).Select(_ => new Matrix(nA, m)).ToArray();
        for (int j = 0; j < m; j++)
        {
            int T = lengths[j];
            for (int p = 0; p < Parts.Length; p++)
            {
                var d = dH[j].AsSpan(p * nA, nA);
                for (int i = 0; i < nA; i++)
                {
                    switch (Parts[p])
                    {
                        case SentimentPooling.Last: dA[T - 1][i, j] += d[i]; break; // dL/da<T_j> += dlast
                        case SentimentPooling.Mean:
                            for (int t = 1; t <= T; t++)
                            {
                                dA[t - 1][i, j] += d[i] / T; // dL/da<t> += dmean / T_j
                            }
                            break;
                        default: dA[argMax[j][i] - 1][i, j] += d[i]; break; // dL/da<t*> += dmax
                    }
                }
            }
        }
        return dA;
    }

    private void Last(RecurrentCache cache, int j, Span<double> part)
    {
        var a = cache.A(lengths[j]);
        for (int i = 0; i < part.Length; i++)
        {
            part[i] = a[i, j]; // last_ij = a<T_j>_ij
        }
    }

    private void Mean(RecurrentCache cache, int j, Span<double> part)
    {
        int T = lengths[j];
        for (int t = 1; t <= T; t++)
        {
            var a = cache.A(t);
            for (int i = 0; i < part.Length; i++)
            {
                part[i] += a[i, j]; // sum_t a<t>_ij, in increasing t
            }
        }
        for (int i = 0; i < part.Length; i++)
        {
            part[i] /= T; // mean_ij = sum / T_j
        }
    }

    private void Max(RecurrentCache cache, int j, Span<double> part)
    {
        var a1 = cache.A(1);
        for (int i = 0; i < part.Length; i++)
        {
            part[i] = a1[i, j];
            argMax[j][i] = 1;
        }
        for (int t = 2; t <= lengths[j]; t++)
        {
            var a = cache.A(t);
            for (int i = 0; i < part.Length; i++)
            {
                if (a[i, j] > part[i]) // the first step of the maximum keeps it on a tie
                {
                    part[i] = a[i, j];
                    argMax[j][i] = t;
                }
            }
        }
    }

    private static void Check(IReadOnlyList<int> sentenceLengths, int tx, int m)
    {
        if (sentenceLengths.Count != m)
        {
            throw new ArgumentException($"{sentenceLengths.Count} lengths for a batch of m = {m}; need one per sentence.", nameof(sentenceLengths));
        }
        for (int j = 0; j < m; j++)
        {
            if (sentenceLengths[j] < 1 || sentenceLengths[j] > tx)
            {
                throw new ArgumentOutOfRangeException(nameof(sentenceLengths), $"sentence {j} has length {sentenceLengths[j]}; expected 1 to Tx = {tx}.");
            }
        }
    }
}
