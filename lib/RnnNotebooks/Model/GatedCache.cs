namespace RnnNotebooks;

/// <summary>
/// What a gated layer's forward pass keeps for BPTT: a&lt;0&gt; .. a&lt;Tx&gt;, for the LSTM c&lt;0&gt; .. c&lt;Tx&gt;, the
/// activated gates of every step, one extra (n_a, m) block a step (GRU: Wna a&lt;t-1&gt; + bna; LSTM: tanh(c&lt;t&gt;)),
/// the logits and yHat&lt;t&gt;, and the inputs. Pass it back to Forward to reuse its storage: the time loops then
/// allocate nothing (the backward pass's scratch buffers are kept here too).
/// </summary>
public sealed class GatedCache : IRecurrentCache
{
    private readonly Matrix[] a;
    private readonly Matrix[]? c;
    private readonly Matrix[] gates;
    private readonly Matrix[] extra;
    private readonly Matrix[] zy;
    private readonly Matrix[] yHat;
    private GatedWorkspace? workspace;

    internal GatedCache(int gateCount, int tx, int nA, int nY, int m, bool hasCell)
    {
        Length = tx;
        BatchSize = m;
        GateCount = gateCount;
        a = StepMatrices.Make(tx + 1, nA, m);
        c = hasCell ? StepMatrices.Make(tx + 1, nA, m) : null;
        gates = StepMatrices.Make(tx, gateCount * nA, m);
        extra = StepMatrices.Make(tx, nA, m);
        zy = StepMatrices.Make(tx, nY, m);
        yHat = StepMatrices.Make(tx, nY, m);
        Recurrent = new Matrix(gateCount * nA, m);
    }

    /// <summary>Tx, the number of steps.</summary>
    public int Length { get; }

    /// <summary>m, the batch size.</summary>
    public int BatchSize { get; }

    /// <summary>G, the number of gate blocks.</summary>
    public int GateCount { get; }

    /// <summary>The inputs of the last forward pass.</summary>
    public SequenceBatch X { get; internal set; } = null!;

    /// <summary>a&lt;t&gt;, shape (n_a, m), for t = 0 .. Tx (a&lt;0&gt; is the initial state).</summary>
    public Matrix A(int t) => a[t];

    /// <summary>c&lt;t&gt;, the LSTM's cell state, shape (n_a, m), for t = 0 .. Tx.</summary>
    /// <exception cref="InvalidOperationException">This is a GRU's cache, which has no cell state.</exception>
    public Matrix C(int t) => c is null ? throw new InvalidOperationException("a GRU has no cell state c<t>.") : c[t];

    /// <summary>True for an LSTM's cache, which holds c&lt;t&gt;.</summary>
    public bool HasCell => c is not null;

    /// <summary>The activated gates of step t = 1 .. Tx, shape (G n_a, m): GRU [r; z; n], LSTM [i; f; g; o].</summary>
    public Matrix Gates(int t) => gates[t - 1];

    /// <summary>The extra block of step t = 1 .. Tx, shape (n_a, m): GRU Wna a&lt;t-1&gt; + bna, LSTM tanh(c&lt;t&gt;).</summary>
    public Matrix Extra(int t) => extra[t - 1];

    /// <summary>yHat&lt;t&gt;, shape (n_y, m), for t = 1 .. Tx.</summary>
    public Matrix YHat(int t) => yHat[t - 1];

    /// <summary>The logits Wya a&lt;t&gt; + by, shape (n_y, m), for t = 1 .. Tx.</summary>
    public Matrix Logits(int t) => zy[t - 1];

    /// <summary>a&lt;Tx&gt;, the last hidden state.</summary>
    public Matrix Last => a[Length];

    /// <summary>c&lt;Tx&gt;, the LSTM's last cell state, shape (n_a, m); null for a GRU.</summary>
    public Matrix? LastCell => c?[Length];

    /// <summary>Step t = 1 .. Tx as the cell sees it.</summary>
    internal CellStep Step(int t) => new(a[t - 1], c?[t - 1], gates[t - 1], extra[t - 1], Recurrent, c?[t], a[t]);

    /// <summary>Scratch (G n_a, m) for Waa a&lt;t-1&gt; + baa during the forward pass.</summary>
    internal Matrix Recurrent { get; }

    /// <summary>The backward pass's scratch buffers, made on the first backward pass and kept.</summary>
    internal GatedWorkspace Workspace(int nX, int nA, int nY)
    {
        if (workspace is null || !workspace.Fits(Length, nX, nA, nY, BatchSize))
        {
            workspace = new GatedWorkspace(GateCount, Length, nX, nA, nY, BatchSize);
        }
        return workspace;
    }

    internal bool Fits(int gateCount, int tx, int nA, int nY, int m, bool hasCell) =>
        GateCount == gateCount && Length == tx && BatchSize == m && a[0].Rows == nA && yHat[0].Rows == nY && HasCell == hasCell;
}
