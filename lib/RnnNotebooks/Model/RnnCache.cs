namespace RnnNotebooks;

/// <summary>
/// What the forward pass keeps for BPTT: a&lt;0&gt; .. a&lt;Tx&gt;, the logits and yHat&lt;1&gt; .. yHat&lt;Tx&gt;, and the
/// inputs. Pass a cache back to <see cref="Rnn.Forward"/> to reuse its storage: the time loop then
/// allocates nothing.
/// </summary>
public sealed class RnnCache
{
    private readonly Matrix[] a;
    private readonly Matrix[] zy;
    private readonly Matrix[] yHat;

    internal RnnCache(int tx, int nX, int nA, int nY, int m)
    {
        Length = tx;
        BatchSize = m;
        a = new Matrix[tx + 1];
        zy = new Matrix[tx];
        yHat = new Matrix[tx];
        for (int t = 0; t <= tx; t++)
        {
            a[t] = new Matrix(nA, m);
        }
        for (int t = 0; t < tx; t++)
        {
            zy[t] = new Matrix(nY, m);
            yHat[t] = new Matrix(nY, m);
        }
        Da = new Matrix(nA, m);
        DaNext = new Matrix(nA, m);
        Dzy = new Matrix(nY, m);
        WaaT = new Matrix(nA, nA);
        WaxT = new Matrix(nX, nA);
        WyaT = new Matrix(nA, nY);
        Dz = new double[nA * tx * m];
        DzY = new double[nY * tx * m];
        AllT = new double[(tx + 1) * m * nA];
    }

    /// <summary>Tx, the number of steps.</summary>
    public int Length { get; }

    /// <summary>m, the batch size.</summary>
    public int BatchSize { get; }

    /// <summary>The inputs of the last forward pass.</summary>
    public SequenceBatch X { get; internal set; } = null!;

    /// <summary>a&lt;t&gt;, shape (n_a, m), for t = 0 .. Tx (a&lt;0&gt; is the initial state).</summary>
    public Matrix A(int t) => a[t];

    /// <summary>yHat&lt;t&gt;, shape (n_y, m), for t = 1 .. Tx.</summary>
    public Matrix YHat(int t) => yHat[t - 1];

    /// <summary>The logits z&lt;t&gt; = Wya a&lt;t&gt; + by, shape (n_y, m), for t = 1 .. Tx.</summary>
    public Matrix Logits(int t) => zy[t - 1];

    /// <summary>a&lt;Tx&gt;, the last hidden state: carried to the next chunk in truncated BPTT, or to a decoder.</summary>
    public Matrix Last => a[Length];

    /// <summary>Backward work space: dL/da&lt;t&gt;, then dL/dz&lt;t&gt; (n_a, m).</summary>
    internal Matrix Da { get; }

    /// <summary>Backward work space: dL/da&lt;t-1&gt; through the recurrence (n_a, m).</summary>
    internal Matrix DaNext { get; }

    /// <summary>Backward work space: dL/dz of the output layer (n_y, m).</summary>
    internal Matrix Dzy { get; }

    /// <summary>Backward work space: Waa^T, Wax^T, Wya^T, transposed once per backward pass.</summary>
    internal Matrix WaaT { get; }

    /// <summary>Wax^T (n_x, n_a).</summary>
    internal Matrix WaxT { get; }

    /// <summary>Wya^T (n_a, n_y).</summary>
    internal Matrix WyaT { get; }

    /// <summary>[dz&lt;1&gt; ... dz&lt;Tx&gt;] side by side, (n_a, Tx m): the weight gradients are one product with it.</summary>
    internal double[] Dz { get; }

    /// <summary>[dz_y&lt;1&gt; ... dz_y&lt;Tx&gt;] side by side, (n_y, Tx m).</summary>
    internal double[] DzY { get; }

    /// <summary>[a&lt;0&gt;^T; a&lt;1&gt;^T; ... a&lt;Tx&gt;^T] stacked, ((Tx + 1) m, n_a).</summary>
    internal double[] AllT { get; }

    /// <summary>[x&lt;1&gt;^T; ... x&lt;Tx&gt;^T] stacked, (Tx m, n_x), made on the first backward pass over dense inputs.</summary>
    internal double[] XAllT(int nX) => xAllT ??= new double[Length * BatchSize * nX];

    private double[]? xAllT;

    internal bool Fits(int tx, int nX, int nA, int nY, int m) =>
        Length == tx && BatchSize == m && a[0].Rows == nA && Dzy.Rows == nY && WaxT.Rows == nX;
}
