namespace RnnNotebooks;

/// <summary>
/// The inputs x&lt;1&gt; ... x&lt;Tx&gt; of a batch of m sequences, either as one-hot token indices (no dense
/// one-hot matrices are ever built) or as dense (n_x, m) vectors per step. Arrays are 0-based: element
/// [t - 1] holds x&lt;t&gt;.
/// </summary>
public sealed class SequenceBatch
{
    private readonly int[][]? tokens;
    private readonly Matrix[]? dense;

    private SequenceBatch(int nX, int m, int[][]? tokens, Matrix[]? dense)
    {
        InputSize = nX;
        BatchSize = m;
        this.tokens = tokens;
        this.dense = dense;
        Length = tokens?.Length ?? dense!.Length;
    }

    /// <summary>Tx: the number of time steps.</summary>
    public int Length { get; }

    /// <summary>m: the number of sequences in the batch.</summary>
    public int BatchSize { get; }

    /// <summary>n_x: the size of each input vector (the vocabulary size for one-hot inputs).</summary>
    public int InputSize { get; }

    /// <summary>True when the inputs are one-hot token indices.</summary>
    public bool IsOneHot => tokens is not null;

    /// <summary>One-hot inputs: tokens[t - 1][j] is the index of the 1 in x&lt;t&gt; of sample j.</summary>
    /// <param name="nX">n_x, the vocabulary size; every token must be in [0, n_x).</param>
    /// <param name="tokens">Tx arrays of m token indices each.</param>
    public static SequenceBatch OneHot(int nX, int[][] tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nX);
        if (tokens.Length == 0)
        {
            throw new ArgumentException("tokens is an empty sequence (Tx = 0); a sequence needs at least one time step.", nameof(tokens));
        }
        int m = tokens[0]?.Length ?? 0;
        if (m == 0)
        {
            throw new ArgumentException("tokens<1> (time step t=1) holds no samples; the batch size m must be at least 1.", nameof(tokens));
        }
        for (int t = 0; t < tokens.Length; t++)
        {
            CheckTokens(tokens[t], nX, m, t + 1);
        }
        return new SequenceBatch(nX, m, tokens, null);
    }

    /// <summary>One-hot inputs for a single sequence (m = 1): x&lt;t&gt; is one-hot at sequence[t - 1].</summary>
    /// <param name="nX">n_x, the vocabulary size.</param>
    /// <param name="sequence">Tx token indices.</param>
    public static SequenceBatch OneHot(int nX, IReadOnlyList<int> sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return OneHot(nX, sequence.Select(token => new[] { token }).ToArray());
    }

    /// <summary>
    /// One-hot inputs for m sequences of possibly different lengths, right-padded with
    /// <paramref name="padToken"/> to the longest. Pair it with <see cref="SequenceTargets"/> weights of 0
    /// on the padding (see <see cref="SequenceTargets.Mask(IReadOnlyList{int}, int)"/>).
    /// </summary>
    /// <param name="nX">n_x, the vocabulary size.</param>
    /// <param name="sequences">m sequences of token indices, each non-empty.</param>
    /// <param name="padToken">Index used after the end of a shorter sequence.</param>
    public static SequenceBatch OneHotPadded(int nX, IReadOnlyList<IReadOnlyList<int>> sequences, int padToken)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Count == 0)
        {
            throw new ArgumentException("sequences is empty; the batch size m must be at least 1.", nameof(sequences));
        }
        for (int j = 0; j < sequences.Count; j++)
        {
            if (sequences[j].Count == 0)
            {
                throw new ArgumentException($"sequences[{j}] is empty (Tx = 0); every sequence needs at least one time step.", nameof(sequences));
            }
        }
        int tx = sequences.Max(s => s.Count);
        var tokens = new int[tx][];
        for (int t = 0; t < tx; t++)
        {
            tokens[t] = new int[sequences.Count];
            for (int j = 0; j < sequences.Count; j++)
            {
                tokens[t][j] = t < sequences[j].Count ? sequences[j][t] : padToken;
            }
        }
        return OneHot(nX, tokens);
    }

    /// <summary>Dense inputs: x[t - 1] is x&lt;t&gt;, an (n_x, m) matrix; every step must have the same shape.</summary>
    /// <param name="x">Tx matrices of shape (n_x, m), all finite.</param>
    public static SequenceBatch Dense(IReadOnlyList<Matrix> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count == 0)
        {
            throw new ArgumentException("x is an empty sequence (Tx = 0); a sequence needs at least one time step.", nameof(x));
        }
        int nX = x[0].Rows;
        int m = x[0].Cols;
        if (m == 0 || nX == 0)
        {
            throw new ArgumentException($"x<1> (time step t=1) has shape ({nX}, {m}); n_x and m must be at least 1.", nameof(x));
        }
        for (int t = 0; t < x.Count; t++)
        {
            Guard.Shape(x[t], nX, m, "x", t + 1, "(n_x, m) of x<1>");
            Guard.Finite(x[t].Data, "x", t + 1, m);
        }
        return new SequenceBatch(nX, m, null, x.ToArray());
    }

    /// <summary>Token index of sample <paramref name="j"/> at 1-based step <paramref name="t"/> (one-hot inputs only).</summary>
    public int Token(int t, int j) => Tokens(t)[j];

    /// <summary>The m token indices of x&lt;t&gt;, 1-based <paramref name="t"/> (one-hot inputs only).</summary>
    public ReadOnlySpan<int> Tokens(int t) =>
        tokens is null ? throw new InvalidOperationException("this batch holds dense inputs, not tokens") : tokens[t - 1];

    /// <summary>x&lt;t&gt; as an (n_x, m) matrix, 1-based <paramref name="t"/> (dense inputs only).</summary>
    public Matrix DenseStep(int t) =>
        dense is null ? throw new InvalidOperationException("this batch holds one-hot tokens, not dense inputs") : dense[t - 1];

    /// <summary>
    /// D [x&lt;1&gt; .. x&lt;Tx&gt;]^T added to <paramref name="dW"/> (rows, n_x) for dense x, with D = [d&lt;1&gt; .. d&lt;Tx&gt;]
    /// (rows, Tx m): Σ_t d&lt;t&gt; x&lt;t&gt;^T as one product, through <paramref name="xAllT"/> ((Tx m, n_x) scratch).
    /// </summary>
    internal void AddOuterProducts(ReadOnlySpan<double> d, int rows, Span<double> xAllT, Span<double> dW)
    {
        int m = BatchSize, nX = InputSize;
        for (int t = 1; t <= Length; t++)
        {
            Blas.Transpose(DenseStep(t).Data, xAllT.Slice((t - 1) * m * nX, m * nX), nX, m); // rows (t - 1) m .. of [x<1>^T; ...]
        }
        Blas.MulAdd(d, xAllT, dW, rows, Length * m, nX);
    }

    /// <summary>x&lt;t&gt; as a new dense (n_x, m) matrix, whichever form the batch holds; for display and tests.</summary>
    public Matrix ToDense(int t)
    {
        if (dense is not null)
        {
            return dense[t - 1].Clone();
        }
        var x = new Matrix(InputSize, BatchSize);
        for (int j = 0; j < BatchSize; j++)
        {
            x[tokens![t - 1][j], j] = 1.0;
        }
        return x;
    }

    /// <summary>Steps <paramref name="start"/> .. start + length - 1 (1-based), sharing storage: the chunks of truncated BPTT.</summary>
    public SequenceBatch Slice(int start, int length)
    {
        CheckSlice(start, length, Length);
        return tokens is not null
            ? new SequenceBatch(InputSize, BatchSize, tokens[(start - 1)..(start - 1 + length)], null)
            : new SequenceBatch(InputSize, BatchSize, null, dense![(start - 1)..(start - 1 + length)]);
    }

    /// <summary>
    /// The batch with each sample's real steps reversed and its padding left in place: step s of sample j holds
    /// x&lt;lengths[j] - s + 1&gt; for s &lt;= lengths[j], and x&lt;s&gt; (padding) after that. An RNN run over it starts at
    /// each sample's own last real token, not at the padding. Reversing twice gives the original.
    /// </summary>
    /// <param name="lengths">The real length of each of the m samples, each in 1 .. Tx.</param>
    /// <param name="reuse">
    /// A batch of the same form (one-hot or dense), Tx, n_x and m to overwrite, e.g. from an earlier call; otherwise,
    /// or when null, a new batch is made.
    /// </param>
    /// <returns><paramref name="reuse"/> when it fitted, else a new batch.</returns>
    /// <exception cref="ArgumentException">lengths does not hold m values in 1 .. Tx (the message names the sample).</exception>
    public SequenceBatch ReverseEach(IReadOnlyList<int> lengths, SequenceBatch? reuse = null)
    {
        CheckLengths(lengths, Length, BatchSize);
        var target = reuse is not null && reuse != this && reuse.IsOneHot == IsOneHot && reuse.Length == Length
            && reuse.BatchSize == BatchSize && reuse.InputSize == InputSize ? reuse : EmptyLike();
        for (int t = 1; t <= Length; t++)
        {
            for (int j = 0; j < BatchSize; j++)
            {
                CopySample(t, j, target, ReversedStep(t, lengths[j])); // reversed<s>_j = x<L_j - t + 1>_j
            }
        }
        return target;
    }

    /// <summary>
    /// Where step t of a sample of real length L goes when its real part is reversed: L - t + 1 for t &lt;= L, t for
    /// padding. Its own inverse.
    /// </summary>
    internal static int ReversedStep(int t, int length) => t <= length ? length - t + 1 : t;

    /// <summary>Throws unless <paramref name="lengths"/> holds m lengths, each in 1 .. Tx.</summary>
    internal static void CheckLengths(IReadOnlyList<int> lengths, int tx, int m)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        if (lengths.Count != m)
        {
            throw new ArgumentException($"lengths has {lengths.Count} values; expected one per sample, m = {m}.", nameof(lengths));
        }
        for (int j = 0; j < m; j++)
        {
            if (lengths[j] < 1 || lengths[j] > tx)
            {
                throw new ArgumentException($"lengths[{j}] (sample {j}) is {lengths[j]}; expected 1 .. Tx = 1 .. {tx}.", nameof(lengths));
            }
        }
    }

    private SequenceBatch EmptyLike()
    {
        if (tokens is not null)
        {
            return new SequenceBatch(InputSize, BatchSize, Enumerable.Range(0, Length).Select(_ => new int[BatchSize]).ToArray(), null);
        }
        return new SequenceBatch(InputSize, BatchSize, null, Enumerable.Range(0, Length).Select(_ => new Matrix(InputSize, BatchSize)).ToArray());
    }

    /// <summary>Copies sample j of step t into sample j of step s of <paramref name="target"/>, a batch of the same form.</summary>
    private void CopySample(int t, int j, SequenceBatch target, int s)
    {
        if (tokens is not null)
        {
            target.tokens![s - 1][j] = tokens[t - 1][j];
            return;
        }
        Matrix from = dense![t - 1], to = target.dense![s - 1];
        for (int i = 0; i < InputSize; i++)
        {
            to[i, j] = from[i, j];
        }
    }

    internal static void CheckSlice(int start, int length, int total)
    {
        if (start < 1 || length < 1 || start + length - 1 > total)
        {
            throw new ArgumentOutOfRangeException(nameof(start),
                $"steps {start}..{start + length - 1} are not inside 1..{total}.");
        }
    }

    private static void CheckTokens(int[]? step, int nX, int m, int t)
    {
        if (step is null || step.Length != m)
        {
            throw new ArgumentException(
                $"tokens<{t}> (time step t={t}) has {step?.Length ?? 0} samples; expected m = {m} (as at t=1).", "tokens");
        }
        for (int j = 0; j < m; j++)
        {
            if ((uint)step[j] >= (uint)nX)
            {
                throw new ArgumentOutOfRangeException("tokens",
                    $"tokens<{t}> (time step t={t}) sample {j} is token {step[j]}; expected an index in [0, n_x) = [0, {nX}).");
            }
        }
    }
}
