namespace RnnNotebooks;

/// <summary>
/// The scratch buffers of <see cref="AdditiveAttention"/> for Tx inputs and a batch of m, made once per cache and reused,
/// so that a decoder step's attention, forward and backward, allocates nothing. Nothing here is a result.
/// </summary>
internal sealed class AttentionWorkspace
{
    /// <summary>Buffers for n_s, n_h, n_att and Tx inputs of a batch of m.</summary>
    public AttentionWorkspace(int nS, int nH, int nAtt, int tx, int m)
    {
        Q = new Matrix(nAtt, m);
        dQ = new Matrix(nAtt, m);
        dAlpha = new Matrix(tx, m);
        ST = new double[m * Math.Max(nS, nH)];
        WdT = new Matrix(nS, nAtt);
        WeT = new Matrix(nH, nAtt);
    }

    /// <summary>q = Wd s&lt;t-1&gt;, (n_att, m).</summary>
    public Matrix Q { get; }

    /// <summary>dL/dq, (n_att, m).</summary>
    public Matrix dQ { get; }

    /// <summary>dL/dalpha&lt;t,t'&gt; in row t' - 1, (Tx, m).</summary>
    public Matrix dAlpha { get; }

    /// <summary>A state transposed, s^T or h&lt;t'&gt;^T, (m, n_s) or (m, n_h).</summary>
    public double[] ST { get; }

    /// <summary>Wd^T, (n_s, n_att), transposed once per backward pass.</summary>
    public Matrix WdT { get; }

    /// <summary>We^T, (n_h, n_att), transposed once per backward pass.</summary>
    public Matrix WeT { get; }

    /// <summary>True when these buffers serve Tx inputs of a batch of m for an attention of these sizes.</summary>
    public bool Fits(int nS, int nAtt, int tx, int m) => dAlpha.Rows == tx && Q.Cols == m && Q.Rows == nAtt && WdT.Rows == nS;
}
