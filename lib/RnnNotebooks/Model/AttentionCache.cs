namespace RnnNotebooks;

/// <summary>
/// What the attention encoder-decoder's forward pass keeps for BPTT (arrays 0-based: [t - 1] is step t), with the
/// buffers its backward pass needs. Pass it back to <see cref="AttentionEncoderDecoder.Forward(SequenceBatch, SequenceBatch, AttentionCache?)"/>
/// to reuse its storage: a training step then allocates nothing per decoder time step.
/// </summary>
public sealed class AttentionCache
{
    internal AttentionCache(IRecurrentCell decoderCell, int tx, int ty, int nA, int nAtt, int nY, int m)
    {
        int nS = 2 * nA;
        H = StepMatrices.Make(tx, nS, m);
        Keys = StepMatrices.Make(tx, nAtt, m);
        S0 = new Matrix(nS, m);
        CellState0 = decoderCell.HasCellState ? new Matrix(nS, m) : null;
        Lengths = Enumerable.Repeat(tx, m).ToArray();
        if (ty > 0)
        {
            X = StepMatrices.Make(ty, nY + nS, m);
            DecoderInput = SequenceBatch.Dense(X);
            Decoder = new RecurrentCache(decoderCell, ty, nS, nY, m);
        }
        else
        {
            X = [];
        }
        S = [S0, .. Enumerable.Range(1, ty).Select(t => Decoder!.A(t))];
        Logits = Enumerable.Range(1, ty).Select(t => Decoder!.Logits(t)).ToArray();
        YHat = Enumerable.Range(1, ty).Select(t => Decoder!.YHat(t)).ToArray();
        C = StepMatrices.Make(ty, nS, m);
        Alpha = StepMatrices.Make(ty, tx, m);
        U = Enumerable.Range(0, ty).Select(_ => StepMatrices.Make(tx, nAtt, m)).ToArray();
    }

    /// <summary>The forward direction's pass over x, of any cell.</summary>
    public RecurrentCache ForwardCache { get; internal set; } = null!;

    /// <summary>The backward direction's pass over x reversed, of any cell.</summary>
    public RecurrentCache BackwardCache { get; internal set; } = null!;

    /// <summary>
    /// The decoder's pass as its layer's cache: s&lt;t&gt; = A(t) for t = 0 .. Ty (and an LSTM's c_dec&lt;t&gt; = C(t)), the
    /// gates, the logits z&lt;t&gt; = Wya s&lt;t&gt; + Wyc c&lt;t&gt; + by and yHat&lt;t&gt;; its inputs are <see cref="X"/>. Null when Ty = 0 (decoding).
    /// </summary>
    public RecurrentCache? Decoder { get; }

    /// <summary>s&lt;0&gt; = [a_fwd&lt;Tx&gt;; a_bwd&lt;1&gt;], (n_s, m).</summary>
    public Matrix S0 { get; }

    /// <summary>An LSTM decoder's c_dec&lt;0&gt; = [c_fwd&lt;Tx&gt;; c_bwd&lt;1&gt;], (n_s, m); null for other cells.</summary>
    public Matrix? CellState0 { get; }

    /// <summary>h&lt;t'&gt; = [a_fwd&lt;t'&gt;; a_bwd&lt;t'&gt;], (2 n_a, m), t' = 1 .. Tx.</summary>
    public Matrix[] H { get; }

    /// <summary>k&lt;t'&gt; = We h&lt;t'&gt;, (n_att, m).</summary>
    public Matrix[] Keys { get; }

    /// <summary>s&lt;0&gt; .. s&lt;Ty&gt; (element [t] is s&lt;t&gt;), (n_s, m): <see cref="S0"/>, then the decoder's states.</summary>
    public Matrix[] S { get; }

    /// <summary>The decoder's inputs x&lt;t&gt; = [onehot(y&lt;t-1&gt;); c&lt;t&gt;], (n_y + n_s, m).</summary>
    public Matrix[] X { get; }

    /// <summary>c&lt;t&gt;, (n_s, m).</summary>
    public Matrix[] C { get; }

    /// <summary>alpha&lt;t, t'&gt; in row t' - 1 of element [t - 1], (Tx, m).</summary>
    public Matrix[] Alpha { get; }

    /// <summary>u&lt;t, t'&gt; at [t - 1][t' - 1], (n_att, m).</summary>
    public Matrix[][] U { get; }

    /// <summary>Logits z&lt;t&gt;, (n_y, m): the decoder's.</summary>
    public Matrix[] Logits { get; }

    /// <summary>yHat&lt;t&gt;, (n_y, m): the decoder's.</summary>
    public Matrix[] YHat { get; }

    /// <summary>Tx.</summary>
    public int Tx => H.Length;

    /// <summary>Ty.</summary>
    public int Ty => YHat.Length;

    /// <summary>m.</summary>
    public int BatchSize => S0.Cols;

    /// <summary>The decoder's inputs as the batch its layer reads (the matrices of <see cref="X"/>, not copies).</summary>
    internal SequenceBatch? DecoderInput { get; }

    /// <summary>Tx for every sample: the lengths by which the backward direction reverses x.</summary>
    internal int[] Lengths { get; }

    /// <summary>x reversed for the backward direction, kept to be overwritten by the next pass.</summary>
    internal SequenceBatch? Reversed { get; set; }

    /// <summary>The attention's scratch buffers.</summary>
    internal AttentionWorkspace? Attention { get; set; }

    /// <summary>dL/dh&lt;t'&gt; (n_s, m) and dL/dk&lt;t'&gt; (n_att, m) of the backward pass; made on the first one.</summary>
    internal (Matrix[] dH, Matrix[] dKeys)? Backward { get; set; }

    /// <summary>dL/dh&lt;t'&gt; split into the directions: forward at [t' - 1], backward at [Tx - t'], each (n_a, m); made on the first backward pass.</summary>
    internal (Matrix[] Forward, Matrix[] Backward, Matrix[] Last, Matrix[]? Cell)? Split { get; set; }

    /// <summary>dL/dc&lt;t&gt;, (n_s, m), and Wyc^T (n_s, n_y), c&lt;t&gt;^T stacked ((Ty m, n_s)), for the backward pass; made on the first one.</summary>
    internal (Matrix dC, Matrix WycT, double[] CAllT)? DecoderScratch { get; set; }

    /// <summary>True when this cache holds a pass of these sizes and cell.</summary>
    internal bool Fits(RecurrentCell cell, int tx, int ty, int nA, int nAtt, int nY, int m) =>
        Tx == tx && Ty == ty && BatchSize == m && S0.Rows == 2 * nA && Keys[0].Rows == nAtt
        && (Decoder is null ? ty == 0 : Decoder.Fits(cell, ty, 2 * nA, nY, m));
}
