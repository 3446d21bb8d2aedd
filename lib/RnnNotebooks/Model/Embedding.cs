namespace RnnNotebooks;

/// <summary>
/// A learned word embedding: a matrix E of shape (n_e, V) whose column k is the vector of token k, so that
/// <code>
/// x&lt;t&gt;[:, j] = E[:, token&lt;t&gt;_j]                          (n_e, m): E times the one-hot vector, as a column gather
/// dE         = sum_t sum_j dx&lt;t&gt;[:, j] onehot(token&lt;t&gt;_j)^T   (n_e, V): a scatter-add of columns
/// </code>
/// <see cref="Forward"/> turns token ids into dense inputs for an <see cref="Rnn"/> or <see cref="BidirectionalRnn"/>;
/// <see cref="Backward"/> takes the dx&lt;t&gt; they return (<see cref="BackwardOptions.ComputeDX"/>). A padded position
/// whose loss weight is 0 has dx = 0, so it adds nothing to dE.
/// </summary>
public sealed class Embedding : IParameterSet
{
    /// <summary>An embedding over the given matrix (not copied: training updates it), with a zero gradient.</summary>
    /// <param name="e">E, shape (n_e, V).</param>
    /// <exception cref="ArgumentException">E has no rows or no columns.</exception>
    public Embedding(Matrix e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Rows == 0 || e.Cols == 0)
        {
            throw new ArgumentException($"E has shape ({e.Rows}, {e.Cols}); expected (n_e, V) with n_e and V at least 1.", nameof(e));
        }
        E = e;
        dE = new Matrix(e.Rows, e.Cols);
    }

    /// <summary>
    /// Seeded random vectors: every value of E drawn from <paramref name="scale"/> N(0, 1) (PyTorch's nn.Embedding
    /// draws N(0, 1)). The same seed gives the same bits.
    /// </summary>
    /// <param name="V">V, the vocabulary size.</param>
    /// <param name="nE">n_e, the size of a token's vector.</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="scale">The standard deviation of the values.</param>
    public static Embedding Create(int V, int nE, int seed, double scale = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(V);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nE);
        var e = new Matrix(nE, V);
        Initializers.Gaussian(e.Data, Seeds.Random(seed), scale);
        return new Embedding(e);
    }

    /// <summary>An embedding read from a safetensors file saved by <see cref="ParameterFiles.Save"/>: E from "prefix.E", bit for bit.</summary>
    /// <param name="path">The file.</param>
    /// <param name="prefix">The prefix it was saved under, e.g. "embedding"; "" for none.</param>
    /// <exception cref="InvalidDataException">The file is malformed, or E is missing or not 2-D (the message names file and tensor).</exception>
    public static Embedding Load(string path, string prefix = "") => Load(SafeTensors.Read(path), prefix);

    /// <summary>An embedding from a file already read, e.g. one that also holds the RNN above it.</summary>
    /// <param name="file">The file.</param>
    /// <param name="prefix">The prefix it was saved under; "" for none.</param>
    public static Embedding Load(SafeTensorsFile file, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(file);
        var (nE, v) = file.MatrixShape(NamedTensor.Join(prefix, "E"));
        return ParameterFiles.Loaded(new Embedding(new Matrix(nE, v)), file, prefix);
    }

    /// <summary>E, shape (n_e, V): column k is the vector of token k.</summary>
    public Matrix E { get; }

    /// <summary>dL/dE, shape (n_e, V), written by <see cref="Backward"/>.</summary>
    public Matrix dE { get; }

    /// <summary>V, the vocabulary size: token ids are in [0, V).</summary>
    public int V => E.Cols;

    /// <summary>n_e, the size of a token's vector (the n_x of the RNN above).</summary>
    public int nE => E.Rows;

    /// <summary>E as an optimiser sees it, paired with <see cref="GradientTensors"/>.</summary>
    public IReadOnlyList<ParameterView> Tensors => [new("E", E.Data, nE, V)];

    /// <summary>dE, in the order of <see cref="Tensors"/>: pass both lists to <see cref="IOptimizer.Step"/> or clipping.</summary>
    public IReadOnlyList<ParameterView> GradientTensors => [new("dE", dE.Data, nE, V)];

    /// <summary>x&lt;t&gt; = E[:, token&lt;t&gt;] for every step and sample: dense inputs of shape (n_e, m).</summary>
    /// <param name="tokens">Token ids, as made by <see cref="SequenceBatch.OneHot(int, int[][])"/>; each must be in [0, V).</param>
    /// <param name="reuse">Dense inputs of Tx steps of (n_e, m) to overwrite, e.g. from the last call; otherwise, or when null, new ones are made.</param>
    /// <returns><paramref name="reuse"/> when it fitted, else a new batch.</returns>
    /// <exception cref="ArgumentException">tokens holds dense vectors, not ids.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A token id is outside [0, V); the message names the id, the time step and the sample.</exception>
    /// <exception cref="NonFiniteException">E holds NaN or infinity (the message names the element).</exception>
    public SequenceBatch Forward(SequenceBatch tokens, SequenceBatch? reuse = null)
    {
        CheckTokens(tokens);
        Guard.Finite(E.Data, "E", null, V);
        var x = reuse is { IsOneHot: false } && reuse.Length == tokens.Length && reuse.BatchSize == tokens.BatchSize && reuse.InputSize == nE
            ? reuse
            : SequenceBatch.Dense(Enumerable.Range(0, tokens.Length).Select(_ => new Matrix(nE, tokens.BatchSize)).ToArray());
        for (int t = 1; t <= tokens.Length; t++)
        {
            var xt = x.DenseStep(t);
            xt.Clear();
            Blas.AddColumns(E, tokens.Tokens(t), xt); // x<t> = E onehot(token<t>) = E[:, token<t>]
        }
        return x;
    }

    /// <summary>
    /// dE = sum_t sum_j dx&lt;t&gt;[:, j] onehot(token&lt;t&gt;_j)^T: each dx column is added to the column of its token.
    /// </summary>
    /// <param name="tokens">The token ids <see cref="Forward"/> embedded.</param>
    /// <param name="dX">dL/dx&lt;t&gt; at [t - 1], Tx matrices (n_e, m), e.g. <see cref="RecurrentGradients.dX"/>.</param>
    /// <param name="accumulate">Add to dE instead of overwriting it (e.g. one embedding read by an encoder and a decoder).</param>
    /// <exception cref="ArgumentException">dX does not have Tx steps of shape (n_e, m) (the message names the step).</exception>
    public void Backward(SequenceBatch tokens, IReadOnlyList<Matrix> dX, bool accumulate = false)
    {
        CheckTokens(tokens);
        ArgumentNullException.ThrowIfNull(dX);
        if (dX.Count != tokens.Length)
        {
            throw new ArgumentException($"dX has {dX.Count} steps; expected Tx = {tokens.Length}, one per token step.", nameof(dX));
        }
        for (int t = 1; t <= tokens.Length; t++)
        {
            Guard.Shape(dX[t - 1], nE, tokens.BatchSize, "dX", t, "(n_e, m)");
        }
        if (!accumulate)
        {
            dE.Clear();
        }
        for (int t = 1; t <= tokens.Length; t++)
        {
            Blas.ScatterAddColumns(dX[t - 1], tokens.Tokens(t), dE); // dE[:, token<t>_j] += dx<t>[:, j]
        }
    }

    /// <summary>Throws unless <paramref name="tokens"/> holds ids, each in [0, V), naming the first id that is not.</summary>
    private void CheckTokens(SequenceBatch tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (!tokens.IsOneHot)
        {
            throw new ArgumentException($"tokens holds dense (n_x, m) = ({tokens.InputSize}, {tokens.BatchSize}) vectors; an embedding reads token ids (SequenceBatch.OneHot).", nameof(tokens));
        }
        for (int t = 1; t <= tokens.Length; t++)
        {
            var ids = tokens.Tokens(t);
            for (int j = 0; j < ids.Length; j++)
            {
                if ((uint)ids[j] >= (uint)V)
                {
                    throw new ArgumentOutOfRangeException(nameof(tokens),
                        $"token<{t}> (time step t={t}) sample {j} is token id {ids[j]}, unknown to this embedding; expected an id in [0, V) = [0, {V}).");
                }
            }
        }
    }
}
