using System.Numerics.Tensors;

namespace RnnNotebooks;

/// <summary>
/// Additive (Bahdanau) attention: how much the decoder, in state s&lt;t-1&gt;, looks at each encoder state h&lt;t'&gt;, and
/// the context it reads from them, for a batch of m columns:
/// <code>
/// k&lt;t'&gt;     = We h&lt;t'&gt;                                  (n_att, m)   the keys, once per input
/// u&lt;t,t'&gt;   = tanh(Wd s&lt;t-1&gt; + k&lt;t'&gt;)                    (n_att, m)
/// e&lt;t,t'&gt;   = v^T u&lt;t,t'&gt;                                (1, m)       the score of input t'
/// alpha&lt;t,t'&gt; = exp(e&lt;t,t'&gt;) / sum_{t''} exp(e&lt;t,t''&gt;)    (1, m)       softmax over t' = 1 .. Tx
/// c&lt;t&gt;       = sum_{t'} alpha&lt;t,t'&gt; h&lt;t'&gt;                 (n_h, m)     the context
/// </code>
/// Backward, from dc&lt;t&gt;: dalpha&lt;t'&gt; = dc · h&lt;t'&gt;; de&lt;t'&gt; = alpha&lt;t'&gt; (dalpha&lt;t'&gt; - sum_{t''} alpha&lt;t''&gt; dalpha&lt;t''&gt;);
/// dv += sum_{t'} u&lt;t,t'&gt; de&lt;t'&gt;; dpre = v de&lt;t'&gt; ⊙ (1 - u²); dWd += (sum_{t'} dpre) s^T; ds += Wd^T sum_{t'} dpre;
/// dk&lt;t'&gt; += dpre; dh&lt;t'&gt; += alpha&lt;t'&gt; dc; and, once after all steps, dWe = sum_{t'} dk&lt;t'&gt; h&lt;t'&gt;^T, dh&lt;t'&gt; += We^T dk&lt;t'&gt;.
/// </summary>
public sealed class AdditiveAttention : IParameterSet
{
    /// <summary>Zero weights for decoder states of n_s, encoder states of n_h and n_att attention units.</summary>
    /// <param name="nS">n_s, the decoder's state size.</param>
    /// <param name="nH">n_h, the encoder's state size.</param>
    /// <param name="nAtt">n_att, the size of the hidden layer that scores.</param>
    public AdditiveAttention(int nS, int nH, int nAtt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nS);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nH);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nAtt);
        Wd = new Matrix(nAtt, nS);
        We = new Matrix(nAtt, nH);
        V = new double[nAtt];
        dWd = new Matrix(nAtt, nS);
        dWe = new Matrix(nAtt, nH);
        dV = new double[nAtt];
    }

    /// <summary>Seeded Xavier-uniform weights Wd, We and v (as a (n_att, 1) matrix).</summary>
    public static AdditiveAttention Create(int nS, int nH, int nAtt, int seed)
    {
        var attention = new AdditiveAttention(nS, nH, nAtt);
        var random = Seeds.Random(seed);
        Initializers.XavierUniform(attention.Wd, random);
        Initializers.XavierUniform(attention.We, random);
        Initializers.XavierUniform(new Matrix(nAtt, 1, attention.V), random);
        return attention;
    }

    /// <summary>Wd, shape (n_att, n_s): scores from the decoder's state.</summary>
    public Matrix Wd { get; }

    /// <summary>We, shape (n_att, n_h): keys from the encoder's states.</summary>
    public Matrix We { get; }

    /// <summary>v, shape (n_att): the score is v^T u.</summary>
    public double[] V { get; }

    /// <summary>dL/dWd, shape (n_att, n_s).</summary>
    public Matrix dWd { get; }

    /// <summary>dL/dWe, shape (n_att, n_h).</summary>
    public Matrix dWe { get; }

    /// <summary>dL/dv, shape (n_att).</summary>
    public double[] dV { get; }

    /// <summary>n_s, n_h, n_att.</summary>
    public (int nS, int nH, int nAtt) Sizes => (Wd.Cols, We.Cols, Wd.Rows);

    /// <summary>Wd, We, v.</summary>
    public IReadOnlyList<ParameterView> Tensors =>
        [new("Wd", Wd.Data, Wd.Rows, Wd.Cols), new("We", We.Data, We.Rows, We.Cols), new("V", V, V.Length, 1) { IsVector = true }];

    /// <summary>dWd, dWe, dv, in the order of <see cref="Tensors"/>.</summary>
    public IReadOnlyList<ParameterView> GradientTensors =>
        [new("dWd", dWd.Data, dWd.Rows, dWd.Cols), new("dWe", dWe.Data, dWe.Rows, dWe.Cols), new("dV", dV, dV.Length, 1) { IsVector = true }];

    /// <summary>Sets the gradients to zero.</summary>
    public void ClearGradients()
    {
        dWd.Clear();
        dWe.Clear();
        Array.Clear(dV);
    }

    /// <summary>The keys k&lt;t'&gt; = We h&lt;t'&gt;, (n_att, m) each, computed once per input sequence.</summary>
    /// <param name="h">h&lt;1&gt; .. h&lt;Tx&gt;, each (n_h, m).</param>
    public Matrix[] Keys(IReadOnlyList<Matrix> h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var keys = new Matrix[h.Count];
        for (int t = 0; t < h.Count; t++)
        {
            keys[t] = new Matrix(Wd.Rows, h[t].Cols);
        }
        Keys(h, keys);
        return keys;
    }

    /// <summary>The keys k&lt;t'&gt; = We h&lt;t'&gt; written into <paramref name="keys"/>, (n_att, m) each.</summary>
    internal void Keys(IReadOnlyList<Matrix> h, Matrix[] keys)
    {
        for (int t = 0; t < h.Count; t++)
        {
            Guard.Shape(h[t], We.Cols, h[0].Cols, "h", t + 1, "(n_h, m)");
            keys[t].Clear();
            Blas.MulAdd(We, h[t], keys[t]); // k<t'> = We h<t'>
        }
    }

    /// <summary>Buffers for <see cref="Forward(Matrix, IReadOnlyList{Matrix}, IReadOnlyList{Matrix}, Matrix[], Matrix, Matrix, AttentionWorkspace)"/> and <see cref="Backward(Matrix, IReadOnlyList{Matrix}, Matrix[], Matrix, Matrix, Matrix, Matrix[], Matrix[], AttentionWorkspace)"/> over Tx inputs of a batch of m, reused when they fit.</summary>
    internal AttentionWorkspace Workspace(AttentionWorkspace? work, int tx, int m) =>
        work is not null && work.Fits(Wd.Cols, Wd.Rows, tx, m) ? work : new AttentionWorkspace(Wd.Cols, We.Cols, Wd.Rows, tx, m);

    /// <summary>One decoder step's attention: u&lt;t,t'&gt;, alpha&lt;t,t'&gt; and the context c&lt;t&gt;.</summary>
    /// <param name="s">s&lt;t-1&gt;, the decoder's previous state, (n_s, m).</param>
    /// <param name="h">h&lt;1&gt; .. h&lt;Tx&gt;, each (n_h, m).</param>
    /// <param name="keys">k&lt;t'&gt; from <see cref="Keys(IReadOnlyList{Matrix})"/>.</param>
    /// <param name="u">Tx matrices (n_att, m), written: u&lt;t,t'&gt;, kept for the backward pass.</param>
    /// <param name="alpha">(Tx, m), written: alpha&lt;t,t'&gt; in row t' - 1.</param>
    /// <param name="c">(n_h, m), written: c&lt;t&gt;.</param>
    public void Forward(Matrix s, IReadOnlyList<Matrix> h, IReadOnlyList<Matrix> keys, Matrix[] u, Matrix alpha, Matrix c) =>
        Forward(s, h, keys, u, alpha, c, Workspace(null, h.Count, s.Cols));

    /// <summary>The same step with the caller's buffers: allocates nothing.</summary>
    internal void Forward(Matrix s, IReadOnlyList<Matrix> h, IReadOnlyList<Matrix> keys, Matrix[] u, Matrix alpha, Matrix c, AttentionWorkspace work)
    {
        int tx = h.Count, m = s.Cols, nAtt = Wd.Rows;
        Guard.Shape(s, Wd.Cols, m, "s", null, "(n_s, m)");
        Guard.Shape(alpha, tx, m, "alpha", null, "(Tx, m)");
        Guard.Shape(c, We.Cols, m, "c", null, "(n_h, m)");
        var q = work.Q;
        q.Clear();
        Blas.MulAdd(Wd, s, q);                                              // q = Wd s<t-1>
        for (int t = 0; t < tx; t++)
        {
            TensorPrimitives.Add(q.Data, keys[t].Data, u[t].Data);
            Elementwise.Tanh(u[t].Data, u[t].Data);                    // u<t,t'> = tanh(Wd s<t-1> + k<t'>)
            for (int j = 0; j < m; j++)
            {
                double e = 0;
                for (int i = 0; i < nAtt; i++)
                {
                    e += V[i] * u[t][i, j];                                 // e<t,t'> = v^T u<t,t'>
                }
                alpha[t, j] = e;
            }
        }
        Activations.Apply(Activation.Softmax, alpha.Data, tx, m);           // alpha<t,.> = softmax over t'
        c.Clear();
        for (int t = 0; t < tx; t++)
        {
            for (int i = 0; i < c.Rows; i++)
            {
                TensorPrimitives.MultiplyAdd(h[t].Row(i), alpha.Row(t), c.Row(i), c.Row(i)); // c<t> += alpha<t,t'> h<t'>
            }
        }
    }

    /// <summary>
    /// One decoder step's attention backward (see the class summary): adds into dWd, dv, ds, dh and dk.
    /// </summary>
    /// <param name="s">s&lt;t-1&gt;, (n_s, m).</param>
    /// <param name="h">h&lt;1&gt; .. h&lt;Tx&gt;.</param>
    /// <param name="u">u&lt;t,t'&gt; kept by <see cref="Forward(Matrix, IReadOnlyList{Matrix}, IReadOnlyList{Matrix}, Matrix[], Matrix, Matrix)"/>.</param>
    /// <param name="alpha">alpha&lt;t,t'&gt; kept by <see cref="Forward(Matrix, IReadOnlyList{Matrix}, IReadOnlyList{Matrix}, Matrix[], Matrix, Matrix)"/>, (Tx, m).</param>
    /// <param name="dc">dL/dc&lt;t&gt;, (n_h, m).</param>
    /// <param name="ds">dL/ds&lt;t-1&gt;, (n_s, m): the attention's share is added.</param>
    /// <param name="dh">dL/dh&lt;t'&gt;, (n_h, m) each: alpha&lt;t,t'&gt; dc is added.</param>
    /// <param name="dKeys">dL/dk&lt;t'&gt;, (n_att, m) each: added; pass them to <see cref="BackwardKeys(IReadOnlyList{Matrix}, Matrix[], Matrix[])"/> after the last step.</param>
    public void Backward(Matrix s, IReadOnlyList<Matrix> h, Matrix[] u, Matrix alpha, Matrix dc, Matrix ds, Matrix[] dh, Matrix[] dKeys)
    {
        var work = Workspace(null, h.Count, s.Cols);
        Blas.Transpose(Wd, work.WdT);
        Backward(s, h, u, alpha, dc, ds, dh, dKeys, work);
    }

    /// <summary>The same step with the caller's buffers (Wd^T already in work.WdT): allocates nothing.</summary>
    internal void Backward(Matrix s, IReadOnlyList<Matrix> h, Matrix[] u, Matrix alpha, Matrix dc, Matrix ds, Matrix[] dh, Matrix[] dKeys, AttentionWorkspace work)
    {
        int tx = h.Count, m = s.Cols, nAtt = Wd.Rows;
        var dAlpha = work.dAlpha;
        dAlpha.Clear();
        for (int t = 0; t < tx; t++)
        {
            for (int i = 0; i < dc.Rows; i++)
            {
                TensorPrimitives.MultiplyAdd(dc.Row(i), h[t].Row(i), dAlpha.Row(t), dAlpha.Row(t)); // dalpha<t'> = dc . h<t'>
                TensorPrimitives.MultiplyAdd(dc.Row(i), alpha.Row(t), dh[t].Row(i), dh[t].Row(i));  // dh<t'> += alpha<t,t'> dc
            }
        }
        var dq = work.dQ;
        dq.Clear();
        for (int j = 0; j < m; j++)
        {
            double weighted = 0;
            for (int t = 0; t < tx; t++)
            {
                weighted += alpha[t, j] * dAlpha[t, j];
            }
            for (int t = 0; t < tx; t++)
            {
                double de = alpha[t, j] * (dAlpha[t, j] - weighted);                  // de = alpha (dalpha - sum alpha dalpha)
                for (int i = 0; i < nAtt; i++)
                {
                    double ui = u[t][i, j];
                    dV[i] += ui * de;                                               // dv += u de
                    double dPre = V[i] * de * (1 - ui * ui);                          // dpre = v de ⊙ (1 - u²)
                    dq[i, j] += dPre;
                    dKeys[t][i, j] += dPre;                                         // dk<t'> += dpre
                }
            }
        }
        AddOuter(dq, s, dWd, work.ST);                                              // dWd += dq s^T
        Blas.MulAdd(work.WdT, dq, ds);                                              // ds += Wd^T dq
    }

    /// <summary>After the last step: dWe = sum_t' dk&lt;t'&gt; h&lt;t'&gt;^T and dh&lt;t'&gt; += We^T dk&lt;t'&gt;.</summary>
    public void BackwardKeys(IReadOnlyList<Matrix> h, Matrix[] dKeys, Matrix[] dh) =>
        BackwardKeys(h, dKeys, dh, Workspace(null, h.Count, h[0].Cols));

    /// <summary>The same with the caller's buffers: allocates nothing.</summary>
    internal void BackwardKeys(IReadOnlyList<Matrix> h, Matrix[] dKeys, Matrix[] dh, AttentionWorkspace work)
    {
        Blas.Transpose(We, work.WeT);
        for (int t = 0; t < h.Count; t++)
        {
            AddOuter(dKeys[t], h[t], dWe, work.ST);                                  // dWe += dk<t'> h<t'>^T
            Blas.MulAdd(work.WeT, dKeys[t], dh[t]);                                 // dh<t'> += We^T dk<t'>
        }
    }

    /// <summary>dW += dz v^T for dz (r, m), v (k, m), dW (r, k), through v^T written into <paramref name="scratch"/> (at least m k values).</summary>
    private static void AddOuter(Matrix dz, Matrix v, Matrix dW, double[] scratch)
    {
        int k = v.Rows, m = v.Cols;
        var vT = scratch.AsSpan(0, m * k);
        Blas.Transpose(v.Data, vT, k, m);
        Blas.MulAdd(dz.Data, vT, dW.Data, dz.Rows, m, k); // dW += dz v^T
    }
}
