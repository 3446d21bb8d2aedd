namespace RnnNotebooks;

/// <summary>
/// What a <see cref="RecurrentLayer"/>'s forward pass keeps for BPTT: a&lt;0&gt; .. a&lt;Tx&gt;, for the LSTM c&lt;0&gt; .. c&lt;Tx&gt;,
/// for GRU and LSTM the activated gates of every step and one extra (n_a, m) block a step (GRU: Wna a&lt;t-1&gt; + bna;
/// LSTM: tanh(c&lt;t&gt;)), the logits and yHat&lt;t&gt;, and the inputs. Pass it back to Forward to reuse its storage: the
/// time loops then allocate nothing (the backward pass's scratch buffers are kept here too).
/// </summary>
public sealed class RecurrentCache
{
    private readonly Matrix[] a;
    private readonly Matrix[]? c;
    private readonly Matrix[]? gates;
    private readonly Matrix[]? extra;
    private readonly Matrix? recurrent;
    private readonly Matrix[] zy;
    private readonly Matrix[] yHat;
    private RecurrentWorkspace? workspace;

    internal RecurrentCache(IRecurrentCell cell, int tx, int nA, int nY, int m)
    {
        Cell = cell.Kind;
        Length = tx;
        BatchSize = m;
        GateCount = cell.Gates;
        a = StepMatrices.Make(tx + 1, nA, m);
        c = cell.HasCellState ? StepMatrices.Make(tx + 1, nA, m) : null;
        if (cell.Gates > 1)
        {
            gates = StepMatrices.Make(tx, cell.Gates * nA, m);
            extra = StepMatrices.Make(tx, nA, m);
            recurrent = new Matrix(cell.Gates * nA, m);
        }
        zy = StepMatrices.Make(tx, nY, m);
        yHat = StepMatrices.Make(tx, nY, m);
    }

    /// <summary>The cell of the layer that made this cache.</summary>
    public RecurrentCell Cell { get; }

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

    /// <summary>a&lt;0&gt; .. a&lt;Tx&gt;, for the weight gradients' products over all of them.</summary>
    internal ReadOnlySpan<Matrix> States => a;

    /// <summary>c&lt;t&gt;, the LSTM's cell state, shape (n_a, m), for t = 0 .. Tx.</summary>
    /// <exception cref="InvalidOperationException">The cell has no cell state.</exception>
    public Matrix C(int t) => c is null ? throw new InvalidOperationException($"a {Cell} cell has no cell state c<t>.") : c[t];

    /// <summary>True for an LSTM's cache, which holds c&lt;t&gt;.</summary>
    public bool HasCell => c is not null;

    /// <summary>The activated gates of step t = 1 .. Tx, shape (G n_a, m): GRU [r; z; n], LSTM [i; f; g; o].</summary>
    /// <exception cref="InvalidOperationException">The RNN keeps no gates (its a&lt;t&gt; is its one block).</exception>
    public Matrix Gates(int t) => gates is null ? throw new InvalidOperationException("the RNN keeps no gates: a<t> is its one block.") : gates[t - 1];

    /// <summary>The extra block of step t = 1 .. Tx, shape (n_a, m): GRU Wna a&lt;t-1&gt; + bna, LSTM tanh(c&lt;t&gt;).</summary>
    /// <exception cref="InvalidOperationException">The RNN keeps no extra block.</exception>
    public Matrix Extra(int t) => extra is null ? throw new InvalidOperationException("the RNN keeps no extra block.") : extra[t - 1];

    /// <summary>yHat&lt;t&gt;, shape (n_y, m), for t = 1 .. Tx.</summary>
    public Matrix YHat(int t) => yHat[t - 1];

    /// <summary>The logits z&lt;t&gt; = Wya a&lt;t&gt; + by, shape (n_y, m), for t = 1 .. Tx.</summary>
    public Matrix Logits(int t) => zy[t - 1];

    /// <summary>The logits of every step, z&lt;t&gt; at [t - 1], for <see cref="Losses.FiniteSum"/>.</summary>
    internal Matrix[] LogitSteps => zy;

    /// <summary>yHat&lt;t&gt; of every step at [t - 1].</summary>
    internal Matrix[] YHatSteps => yHat;

    /// <summary>a&lt;Tx&gt;, the last hidden state: carried to the next chunk in truncated BPTT, or to a decoder.</summary>
    public Matrix Last => a[Length];

    /// <summary>c&lt;Tx&gt;, the LSTM's last cell state, shape (n_a, m); null for a cell without one.</summary>
    public Matrix? LastCell => c?[Length];

    /// <summary>Step t = 1 .. Tx as the cell sees it.</summary>
    internal CellStep Step(int t) =>
        new(a[t - 1], c?[t - 1], gates?[t - 1], extra?[t - 1], recurrent, c?[t], a[t]);

    /// <summary>
    /// The backward pass's scratch buffers for this cache's Tx and m, made on the first backward pass and kept, so a
    /// reused cache makes BPTT allocate nothing; made again if a model of other sizes backpropagates through it.
    /// </summary>
    internal RecurrentWorkspace Workspace(IRecurrentCell cell, int nX, int nA, int nY)
    {
        if (workspace is null || !workspace.Fits(Length, nX, nA, nY, BatchSize))
        {
            workspace = new RecurrentWorkspace(cell, Length, nX, nA, nY, BatchSize);
        }
        return workspace;
    }

    internal bool Fits(RecurrentCell cell, int tx, int nA, int nY, int m) =>
        Cell == cell && Length == tx && BatchSize == m && a[0].Rows == nA && yHat[0].Rows == nY;
}
