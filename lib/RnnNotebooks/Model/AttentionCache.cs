namespace RnnNotebooks;

/// <summary>What the attention encoder-decoder's forward pass keeps for BPTT (arrays 0-based: [t - 1] is step t).</summary>
public sealed class AttentionCache
{
    internal AttentionCache(int tx, int ty, int nA, int nAtt, int nY, int m)
    {
        int nS = 2 * nA;
        H = Steps(tx, nS, m);
        S = Steps(ty + 1, nS, m);
        X = Steps(ty, nY + nS, m);
        Tokens = new int[ty][];
        C = Steps(ty, nS, m);
        Alpha = Steps(ty, tx, m);
        U = Enumerable.Range(0, ty).Select(_ => Steps(tx, nAtt, m)).ToArray();
        Logits = Steps(ty, nY, m);
        YHat = Steps(ty, nY, m);
        DecoderSteps = new RecurrentCache[ty];
    }

    /// <summary>The forward direction's pass over x, of any cell.</summary>
    public RecurrentCache ForwardCache { get; internal set; } = null!;

    /// <summary>The backward direction's pass over x reversed, of any cell.</summary>
    public RecurrentCache BackwardCache { get; internal set; } = null!;



    /// <summary>A gated decoder's step t as a one-step pass of its layer (element [t - 1]); unused (null) for the RNN decoder.</summary>
    public RecurrentCache?[] DecoderSteps { get; }

    /// <summary>An LSTM decoder's c_dec&lt;0&gt; = [c_fwd&lt;Tx&gt;; c_bwd&lt;1&gt;], (n_s, m); null for other cells.</summary>
    public Matrix? CellState0 { get; internal set; }

    /// <summary>c_dec&lt;t&gt; of an LSTM decoder for t = 0 .. Ty; null for other cells.</summary>
    internal Matrix? DecoderCell(int t) => t == 0 ? CellState0 : DecoderSteps[t - 1]?.LastCell;

    /// <summary>h&lt;t'&gt; = [a_fwd&lt;t'&gt;; a_bwd&lt;t'&gt;], (2 n_a, m), t' = 1 .. Tx.</summary>
    public Matrix[] H { get; }

    /// <summary>k&lt;t'&gt; = We h&lt;t'&gt;.</summary>
    public Matrix[] Keys { get; internal set; } = [];

    /// <summary>s&lt;0&gt; .. s&lt;Ty&gt; (element [t] is s&lt;t&gt;), (n_s, m).</summary>
    public Matrix[] S { get; }

    /// <summary>The decoder's inputs [onehot(y&lt;t-1&gt;); c&lt;t&gt;], (n_y + n_s, m).</summary>
    public Matrix[] X { get; }

    /// <summary>y&lt;t-1&gt;, the m token ids the decoder read at step t.</summary>
    public int[][] Tokens { get; }

    /// <summary>c&lt;t&gt;, (n_s, m).</summary>
    public Matrix[] C { get; }

    /// <summary>alpha&lt;t, t'&gt; in row t' - 1 of element [t - 1], (Tx, m).</summary>
    public Matrix[] Alpha { get; }

    /// <summary>u&lt;t, t'&gt; at [t - 1][t' - 1], (n_att, m).</summary>
    public Matrix[][] U { get; }

    /// <summary>Logits z&lt;t&gt;, (n_y, m).</summary>
    public Matrix[] Logits { get; }

    /// <summary>yHat&lt;t&gt;, (n_y, m).</summary>
    public Matrix[] YHat { get; }

    /// <summary>Tx.</summary>
    public int Tx => H.Length;

    /// <summary>Ty.</summary>
    public int Ty => YHat.Length;

    private static Matrix[] Steps(int count, int rows, int m) => Enumerable.Range(0, count).Select(_ => new Matrix(rows, m)).ToArray();
}
