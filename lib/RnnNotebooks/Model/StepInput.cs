namespace RnnNotebooks;

/// <summary>
/// x&lt;t&gt; for one step of a batch of m: a dense (n_x, m) matrix, or the m indices of the ones of a one-hot x&lt;t&gt;.
/// A ref struct over the caller's storage: making one allocates nothing.
/// </summary>
public readonly ref struct StepInput
{
    private readonly Matrix? dense;
    private readonly ReadOnlySpan<int> tokens;

    /// <summary>A dense x&lt;t&gt;, shape (n_x, m).</summary>
    public StepInput(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        dense = x;
    }

    /// <summary>A one-hot x&lt;t&gt; given as its m token indices, each in [0, n_x).</summary>
    public StepInput(ReadOnlySpan<int> tokens) => this.tokens = tokens;

    /// <summary>True for token indices, false for a dense matrix.</summary>
    public bool IsOneHot => dense is null;

    /// <summary>m, the batch size.</summary>
    public int BatchSize => dense?.Cols ?? tokens.Length;

    /// <summary>Step t (1-based) of a batch of sequences.</summary>
    public static StepInput At(SequenceBatch x, int t) => x.IsOneHot ? new StepInput(x.Tokens(t)) : new StepInput(x.DenseStep(t));

    /// <summary>Throws unless x&lt;t&gt; has m columns and n_x rows (dense), or m tokens each in [0, n_x) (one-hot).</summary>
    /// <param name="nX">n_x.</param>
    /// <param name="m">The batch size.</param>
    public void Check(int nX, int m)
    {
        if (dense is not null)
        {
            Guard.Shape(dense, nX, m, "x", null, "(n_x, m)");
            return;
        }
        if (tokens.Length != m)
        {
            throw new ArgumentException($"x<t> has {tokens.Length} tokens; the state holds m = {m} samples.", "x");
        }
        foreach (int token in tokens)
        {
            if ((uint)token >= (uint)nX)
            {
                throw new ArgumentOutOfRangeException("x", $"token {token} is not in [0, n_x) = [0, {nX}).");
            }
        }
    }

    /// <summary>
    /// target += W x&lt;t&gt;: a product for dense x, a gather of the tokens' columns of W for one-hot x (the same sum, no product).
    /// </summary>
    /// <param name="w">W, shape (rows, n_x).</param>
    /// <param name="target">Shape (rows, m), added to.</param>
    public void AddProductTo(Matrix w, Matrix target)
    {
        if (dense is null)
        {
            Blas.AddColumns(w, tokens, target); // + W x<t>, x<t> one-hot: column gather
        }
        else
        {
            Blas.MulAdd(w, dense, target);      // + W x<t>
        }
    }

    /// <summary>
    /// target = b + W x&lt;t&gt;, the input side of every gate: for one-hot x one pass that adds each token's column of W to
    /// the bias (<see cref="Blas.SetBiasPlusColumns"/>), for dense x the bias broadcast, then the product. Either way
    /// each element is b_i + (W x)_i summed in that order, the same bits as a broadcast followed by <see cref="AddProductTo"/>.
    /// </summary>
    /// <param name="w">W, shape (rows, n_x).</param>
    /// <param name="b">b, length rows.</param>
    /// <param name="target">Shape (rows, m), overwritten.</param>
    public void WriteAffine(Matrix w, ReadOnlySpan<double> b, Matrix target)
    {
        if (dense is null)
        {
            Blas.SetBiasPlusColumns(b, w, tokens, target); // = b + W x<t>, x<t> one-hot: one pass
        }
        else
        {
            Blas.SetBiasPlusProduct(b, w, dense, target); // = b + W x<t>
        }
    }
}
