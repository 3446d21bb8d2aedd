namespace RnnNotebooks;

/// <summary>
/// What <see cref="RecurrentLayer.Backward"/> (and every <see cref="RecurrentLayer"/>'s backward pass) receives from outside the model and what extra gradients it returns,
/// so that stacked layers, learned embeddings and encoder-decoders compose from the same pieces.
/// </summary>
public sealed record BackwardOptions
{
    /// <summary>
    /// dL/da&lt;t&gt; from a consumer of the hidden states other than this model's output layer (the layer
    /// above in a stack gives its dx&lt;t&gt;): Tx matrices (n_a, m), element [t - 1] for step t. Null: none.
    /// </summary>
    public IReadOnlyList<Matrix>? dAFromAbove { get; init; }

    /// <summary>dL/da&lt;Tx&gt; from outside, shape (n_a, m): e.g. a decoder's da0 flowing into its encoder. Null: none.</summary>
    public Matrix? dALast { get; init; }

    /// <summary>
    /// dL/dc&lt;Tx&gt; from outside, shape (n_a, m), for an LSTM: e.g. a decoder's dc0 flowing into its encoder's last cell
    /// state. Null: none. Only an LSTM takes it; a cell without a cell state refuses it.
    /// </summary>
    public Matrix? dCLast { get; init; }

    /// <summary>Also compute dL/dx&lt;t&gt; = Wax^T dz&lt;t&gt; into <see cref="RecurrentGradients.dX"/>.</summary>
    public bool ComputeDX { get; init; }

    /// <summary>
    /// Also keep dL/da&lt;t&gt; for every step in <see cref="RecurrentGradients.dA"/>: how the gradient reaching each
    /// hidden state shrinks or grows as it flows back in time (vanishing and exploding gradients).
    /// </summary>
    public bool KeepDA { get; init; }

    /// <summary>
    /// Throws unless dALast, dCLast and every dAFromAbove&lt;t&gt; are finite (n_a, m) matrices, dAFromAbove has Tx steps,
    /// and dCLast is only given to a layer with a cell state.
    /// </summary>
    /// <param name="nA">n_a.</param>
    /// <param name="tx">Tx.</param>
    /// <param name="m">The batch size.</param>
    /// <param name="hasCell">True for an LSTM.</param>
    /// <param name="layer">The layer's name for the message, e.g. "GRU".</param>
    internal void Validate(int nA, int tx, int m, bool hasCell = false, string layer = "RNN")
    {
        CheckLast(dALast, nameof(dALast), nA, m);
        CheckLast(dCLast, nameof(dCLast), nA, m);
        if (dCLast is not null && !hasCell)
        {
            throw new ArgumentException($"dCLast was given, but a {layer} has no cell state c<t>: only an LSTM takes it.", "options");
        }
        if (dAFromAbove is { } above)
        {
            if (above.Count != tx)
            {
                throw new ArgumentException($"dAFromAbove has {above.Count} steps; expected Tx = {tx}.", "options");
            }
            for (int t = 1; t <= tx; t++)
            {
                Guard.Shape(above[t - 1], nA, m, "dAFromAbove", t, "(n_a, m)");
                Guard.Finite(above[t - 1].Data, "dAFromAbove", t, m);
            }
        }
    }

    /// <summary>Throws unless a given dL/da&lt;Tx&gt; or dL/dc&lt;Tx&gt; is (n_a, m) and finite.</summary>
    private static void CheckLast(Matrix? last, string name, int nA, int m)
    {
        if (last is not null)
        {
            Guard.Shape(last, nA, m, name, null, "(n_a, m)");
            Guard.Finite(last.Data, name, null, m);
        }
    }
}
