namespace RnnNotebooks;

/// <summary>
/// What <see cref="Rnn.Backward"/> receives from outside the model and what extra gradients it returns,
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

    /// <summary>Also compute dL/dx&lt;t&gt; = Wax^T dz&lt;t&gt; into <see cref="RnnGradients.dX"/>.</summary>
    public bool ComputeDX { get; init; }

    /// <summary>
    /// Also keep dL/da&lt;t&gt; for every step in <see cref="RnnGradients.dA"/>: how the gradient reaching each
    /// hidden state shrinks or grows as it flows back in time (vanishing and exploding gradients).
    /// </summary>
    public bool KeepDA { get; init; }

    /// <summary>Throws unless dALast and every dAFromAbove&lt;t&gt; are finite (n_a, m) matrices and dAFromAbove has Tx steps.</summary>
    internal void Validate(int nA, int tx, int m)
    {
        if (dALast is not null)
        {
            Guard.Shape(dALast, nA, m, "dALast", null, "(n_a, m)");
            Guard.Finite(dALast.Data, "dALast", null, m);
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
}
