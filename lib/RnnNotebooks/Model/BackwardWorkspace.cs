namespace RnnNotebooks;

/// <summary>
/// The scratch buffers of <see cref="Rnn.Backward"/> for one Tx, m and model size, made once and reused so that
/// the backward time loop allocates nothing. Nothing here is a result: the gradients go to <see cref="RnnGradients"/>.
/// </summary>
internal sealed class BackwardWorkspace
{
    private double[]? xAllT;

    /// <summary>Buffers for Tx = <paramref name="tx"/> steps of a batch of <paramref name="m"/>.</summary>
    public BackwardWorkspace(int tx, int nX, int nA, int nY, int m)
    {
        Length = tx;
        BatchSize = m;
        dA = new Matrix(nA, m);
        dANext = new Matrix(nA, m);
        dZ = new Matrix(nA, m);
        dZY = new Matrix(nY, m);
        WaaT = new Matrix(nA, nA);
        WaxT = new Matrix(nX, nA);
        WyaT = new Matrix(nA, nY);
        dZAll = new double[nA * tx * m];
        dZYAll = new double[nY * tx * m];
        AAllT = new double[(tx + 1) * m * nA];
    }

    /// <summary>Tx, the number of steps.</summary>
    public int Length { get; }

    /// <summary>m, the batch size.</summary>
    public int BatchSize { get; }

    /// <summary>dL/da&lt;t&gt;, then dL/dz&lt;t&gt; in place (n_a, m).</summary>
    public Matrix dA { get; }

    /// <summary>dL/da&lt;t-1&gt; through the recurrence, Waa^T dz&lt;t&gt; (n_a, m).</summary>
    public Matrix dANext { get; }

    /// <summary>dz&lt;t&gt; = da ⊙ g1'(z&lt;t&gt;) (n_a, m).</summary>
    public Matrix dZ { get; }

    /// <summary>dz_y&lt;t&gt;, dL/dz of the output layer at step t (n_y, m).</summary>
    public Matrix dZY { get; }

    /// <summary>Waa^T (n_a, n_a), transposed once per backward pass.</summary>
    public Matrix WaaT { get; }

    /// <summary>Wax^T (n_x, n_a), transposed only when dx&lt;t&gt; is asked for.</summary>
    public Matrix WaxT { get; }

    /// <summary>Wya^T (n_a, n_y), transposed once per backward pass.</summary>
    public Matrix WyaT { get; }

    /// <summary>[dz&lt;1&gt; ... dz&lt;Tx&gt;] side by side, (n_a, Tx m): the weight gradients are one product with it.</summary>
    public double[] dZAll { get; }

    /// <summary>[dz_y&lt;1&gt; ... dz_y&lt;Tx&gt;] side by side, (n_y, Tx m).</summary>
    public double[] dZYAll { get; }

    /// <summary>[a&lt;0&gt;^T; a&lt;1&gt;^T; ... a&lt;Tx&gt;^T] stacked, ((Tx + 1) m, n_a).</summary>
    public double[] AAllT { get; }

    /// <summary>[x&lt;1&gt;^T; ... x&lt;Tx&gt;^T] stacked, (Tx m, n_x), made on the first backward pass over dense inputs.</summary>
    public double[] XAllT() => xAllT ??= new double[Length * BatchSize * WaxT.Rows];

    /// <summary>True when these buffers serve a model of these sizes over Tx steps of m samples.</summary>
    public bool Fits(int tx, int nX, int nA, int nY, int m) =>
        Length == tx && BatchSize == m && dA.Rows == nA && dZY.Rows == nY && WaxT.Rows == nX;
}
