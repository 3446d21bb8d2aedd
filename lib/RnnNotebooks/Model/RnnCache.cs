namespace RnnNotebooks;

/// <summary>
/// What the forward pass keeps for BPTT: a&lt;0&gt; .. a&lt;Tx&gt;, the logits and yHat&lt;1&gt; .. yHat&lt;Tx&gt;, and the
/// inputs. Pass a cache back to <see cref="Rnn.Forward"/> to reuse its storage: the time loop then
/// allocates nothing (nor does <see cref="Rnn.Backward"/>, whose scratch buffers the cache holds privately).
/// </summary>
public sealed class RnnCache : IRecurrentCache
{
    private readonly Matrix[] a;
    private readonly Matrix[] zy;
    private readonly Matrix[] yHat;
    private BackwardWorkspace? workspace;

    internal RnnCache(int tx, int nA, int nY, int m)
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

    /// <summary>Step t = 1 .. Tx as the cell sees it: a&lt;t-1&gt; and a&lt;t&gt;.</summary>
    internal CellStep Step(int t) => new(a[t - 1], null, null, null, null, null, a[t]);

    /// <summary>An RNN has no cell state: null.</summary>
    Matrix? IRecurrentCache.LastCell => null;

    /// <summary>
    /// The backward pass's scratch buffers for this cache's Tx and m, made on the first backward pass and kept, so a
    /// reused cache makes BPTT allocate nothing; made again if a model of other sizes backpropagates through it.
    /// </summary>
    internal BackwardWorkspace Workspace(int nX, int nA, int nY)
    {
        if (workspace is null || !workspace.Fits(Length, nX, nA, nY, BatchSize))
        {
            workspace = new BackwardWorkspace(Length, nX, nA, nY, BatchSize);
        }
        return workspace;
    }

    internal bool Fits(int tx, int nA, int nY, int m) =>
        Length == tx && BatchSize == m && a[0].Rows == nA && yHat[0].Rows == nY;
}
