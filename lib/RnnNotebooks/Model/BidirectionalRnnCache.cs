namespace RnnNotebooks;

/// <summary>
/// What <see cref="BidirectionalRnn.Forward"/> keeps for the backward pass: each direction's cache,
/// the per-sample reversed inputs, the concatenated states [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;], the logits and yHat&lt;t&gt;.
/// Pass it back to reuse its storage: the time loops then allocate nothing.
/// </summary>
public sealed class BidirectionalRnnCache
{
    private readonly Matrix[] a;
    private readonly Matrix[] zy;
    private readonly Matrix[] yHat;
    private readonly int[] lengths;
    private Scratch? scratch;

    internal BidirectionalRnnCache(int tx, int nA, int nY, int m)
    {
        Length = tx;
        BatchSize = m;
        a = Steps(tx, 2 * nA, m);
        zy = Steps(tx, nY, m);
        yHat = Steps(tx, nY, m);
        lengths = new int[m];
    }

    /// <summary>Tx, the number of steps.</summary>
    public int Length { get; }

    /// <summary>m, the batch size.</summary>
    public int BatchSize { get; }

    /// <summary>The real length of each sample (Tx for a sample without padding).</summary>
    public IReadOnlyList<int> Lengths => lengths;

    /// <summary>The inputs of the last forward pass, x&lt;1&gt; .. x&lt;Tx&gt;.</summary>
    public SequenceBatch X { get; internal set; } = null!;

    /// <summary>The inputs as the backward direction reads them: each sample's real steps reversed, padding in place.</summary>
    public SequenceBatch XReversed { get; internal set; } = null!;

    /// <summary>The forward direction's cache, of any cell: a_fwd&lt;t&gt; = ForwardCache.A(t).</summary>
    public RecurrentCache ForwardCache { get; internal set; } = null!;

    /// <summary>
    /// The backward direction's cache, of any cell, in its own (reversed) time: for a sample of real length L, a_bwd&lt;t&gt;
    /// is column j of BackwardCache.A(L - t + 1) for t &lt;= L.
    /// </summary>
    public RecurrentCache BackwardCache { get; internal set; } = null!;



    /// <summary>[a_fwd&lt;t&gt;; a_bwd&lt;t&gt;], shape (2 n_a, m), for t = 1 .. Tx.</summary>
    public Matrix A(int t) => a[t - 1];

    /// <summary>The logits z&lt;t&gt; = Wya [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;] + by, shape (n_y, m), for t = 1 .. Tx.</summary>
    public Matrix Logits(int t) => zy[t - 1];

    /// <summary>The logits of every step, z&lt;t&gt; at [t - 1], for <see cref="Losses.FiniteSum"/>.</summary>
    internal Matrix[] LogitSteps => zy;

    /// <summary>yHat&lt;t&gt; of every step at [t - 1].</summary>
    internal Matrix[] YHatSteps => yHat;

    /// <summary>yHat&lt;t&gt;, shape (n_y, m), for t = 1 .. Tx.</summary>
    public Matrix YHat(int t) => yHat[t - 1];

    internal int[] LengthBuffer => lengths;

    internal bool Fits(int tx, int nA, int nY, int m) =>
        Length == tx && BatchSize == m && a[0].Rows == 2 * nA && yHat[0].Rows == nY;

    /// <summary>The backward pass's buffers, made on the first backward pass and kept.</summary>
    internal Scratch Workspace(int nA, int nY) => scratch ??= new Scratch(Length, nA, nY, BatchSize);

    private static Matrix[] Steps(int tx, int rows, int m) =>
        Enumerable.Range(0, tx).Select(_ => new Matrix(rows, m)).ToArray();

    /// <summary>Buffers of the head's backward pass and the gradients it sends into each direction.</summary>
    internal sealed class Scratch(int tx, int nA, int nY, int m)
    {
        /// <summary>dz_y&lt;t&gt;, shape (n_y, m).</summary>
        public Matrix dZY { get; } = new(nY, m);

        /// <summary>dL/d[a_fwd&lt;t&gt;; a_bwd&lt;t&gt;] from the head, shape (2 n_a, m).</summary>
        public Matrix dH { get; } = new(2 * nA, m);

        /// <summary>[a_fwd&lt;t&gt;; a_bwd&lt;t&gt;]^T, shape (m, 2 n_a).</summary>
        public Matrix HT { get; } = new(m, 2 * nA);

        /// <summary>Wya^T, shape (2 n_a, n_y).</summary>
        public Matrix WyaT { get; } = new(2 * nA, nY);

        /// <summary>dAFromAbove of the forward direction, Tx of (n_a, m).</summary>
        public Matrix[] dAForward { get; } = Steps(tx, nA, m);

        /// <summary>dAFromAbove of the backward direction in its own reversed time, Tx of (n_a, m).</summary>
        public Matrix[] dABackward { get; } = Steps(tx, nA, m);
    }
}
