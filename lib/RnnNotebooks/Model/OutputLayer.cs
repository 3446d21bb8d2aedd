namespace RnnNotebooks;

/// <summary>
/// The note's output layer z&lt;t&gt; = Wya a&lt;t&gt; + by on its own, for a loss over the logits z that is not one of g2's
/// (a CRF over tags takes z as its emission scores): its backward pass from dz&lt;t&gt; = dL/dz&lt;t&gt; given by the caller.
/// </summary>
public static class OutputLayer
{
    /// <summary>
    /// dWya = sum_t dz&lt;t&gt; a&lt;t&gt;^T, dby = sum_t sum_j dz&lt;t&gt;, overwriting <paramref name="dWya"/> and <paramref name="dBy"/>,
    /// and returns dL/da&lt;t&gt; = Wya^T dz&lt;t&gt; at [t - 1], to hand to the layer's BPTT as <see cref="BackwardOptions.dAFromAbove"/>.
    /// </summary>
    /// <param name="wya">Wya, shape (n_y, n_a).</param>
    /// <param name="a">a&lt;t&gt; at [t - 1], Tx matrices (n_a, m), e.g. <see cref="RecurrentCache.A"/> for t = 1 .. Tx.</param>
    /// <param name="dZ">dz&lt;t&gt; at [t - 1], Tx matrices (n_y, m).</param>
    /// <param name="dWya">dL/dWya, shape (n_y, n_a), overwritten.</param>
    /// <param name="dBy">dL/dby, n_y values, overwritten.</param>
    /// <exception cref="ArgumentException">A shape does not fit or dz holds NaN or infinity (the message names it and the step).</exception>
    public static Matrix[] Backward(Matrix wya, IReadOnlyList<Matrix> a, IReadOnlyList<Matrix> dZ, Matrix dWya, double[] dBy)
    {
        ArgumentNullException.ThrowIfNull(wya);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(dZ);
        int nY = wya.Rows, nA = wya.Cols;
        if (a.Count != dZ.Count)
        {
            throw new ArgumentException($"a has {a.Count} steps and dZ {dZ.Count}; they need one each per step.", nameof(dZ));
        }
        Guard.Shape(dWya, nY, nA, nameof(dWya), null, "(n_y, n_a)");
        if (dBy.Length != nY)
        {
            throw new ArgumentException($"dBy has {dBy.Length} values; expected n_y = {nY}.", nameof(dBy));
        }
        dWya.Clear();
        Array.Clear(dBy);
        var wyaT = wya.Transpose();
        var dA = new Matrix[dZ.Count];
        for (int t = 1; t <= dZ.Count; t++)
        {
            int m = dZ[t - 1].Cols;
            Guard.Shape(a[t - 1], nA, m, "a", t, "(n_a, m)");
            Guard.Shape(dZ[t - 1], nY, m, "dZ", t, "(n_y, m)");
            Guard.Finite(dZ[t - 1].Data, "dZ", t, m);
            Blas.MulAdd(dZ[t - 1], a[t - 1].Transpose(), dWya); // dWya += dz<t> a<t>^T
            Blas.AddRowSums(dZ[t - 1].Data, nY, m, dBy);        // dby  += sum_j dz<t>
            dA[t - 1] = new Matrix(nA, m);
            Blas.MulAdd(wyaT, dZ[t - 1], dA[t - 1]);            // dL/da<t> = Wya^T dz<t>
        }
        return dA;
    }
}
