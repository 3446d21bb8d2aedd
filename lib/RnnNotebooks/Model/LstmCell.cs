using System.Numerics.Tensors;

namespace RnnNotebooks;

/// <summary>
/// One time step of PyTorch's LSTM (<c>torch.nn.LSTM</c>, no peepholes, no projection), for a batch of m columns,
/// with its backward step:
/// <code>
/// i&lt;t&gt; = σ(Wix x&lt;t&gt; + bix + Wia a&lt;t-1&gt; + bia)        input gate     (n_a, m)
/// f&lt;t&gt; = σ(Wfx x&lt;t&gt; + bfx + Wfa a&lt;t-1&gt; + bfa)        forget gate    (n_a, m)
/// g&lt;t&gt; = tanh(Wgx x&lt;t&gt; + bgx + Wga a&lt;t-1&gt; + bga)     candidate      (n_a, m)
/// o&lt;t&gt; = σ(Wox x&lt;t&gt; + box + Woa a&lt;t-1&gt; + boa)        output gate    (n_a, m)
/// c&lt;t&gt; = f&lt;t&gt; ⊙ c&lt;t-1&gt; + i&lt;t&gt; ⊙ g&lt;t&gt;                   cell state     (n_a, m)
/// a&lt;t&gt; = o&lt;t&gt; ⊙ tanh(c&lt;t&gt;)                             hidden state   (n_a, m)
/// </code>
/// The W..x are the four (n_a, n_x) row blocks of <see cref="RecurrentParameters.Wax"/> in the order i, f, g, o, the W..a
/// those of <see cref="RecurrentParameters.Waa"/>, the b's the blocks of bax and baa. (Hochreiter and Schmidhuber 1997
/// had no forget gate; Gers et al. 2000 added it; some texts call g the candidate c-tilde.)
/// </summary>
public sealed class LstmCell : IRecurrentCell
{
    /// <summary>G, the number of gate blocks: i, f, g, o.</summary>
    public const int Gates = 4;

    private LstmCell()
    {
    }

    /// <summary>The LSTM cell (it has no settings: one instance serves every layer).</summary>
    public static LstmCell Instance { get; } = new();

    /// <inheritdoc/>
    public RecurrentCell Kind => RecurrentCell.Lstm;

    /// <summary>G = 4: i, f, g, o.</summary>
    int IRecurrentCell.Gates => Gates;

    /// <summary>True: c&lt;t&gt;.</summary>
    public bool HasCellState => true;

    /// <summary>4 n_a, every row: each gate's pre-activation is W.x x + b.x + W.a a&lt;t-1&gt; + b.a, one sum, so dGa = dGx.</summary>
    public int SharedGateRows(int nA) => 4 * nA;

    /// <summary>gates = bax + Wax x&lt;t&gt;, then the recurrent side, the gates, c&lt;t&gt; and a&lt;t&gt;.</summary>
    public void Forward(in CellWeights w, StepInput x, in CellStep step)
    {
        var gates = step.Gates!;
        x.WriteAffine(w.Wax, w.Bax, gates); // gates = bax + Wax x<t>
        ForwardUnchecked(w.Waa, w.Baa, step.APrev, step.CPrev!, gates, step.Recurrent!, step.Extra!, step.C!, step.A);
    }

    /// <summary><see cref="GateGradients"/> into dGx, dc updated to dL/dc&lt;t-1&gt;; every path from a&lt;t-1&gt; goes through Waa, so daPrev = 0.</summary>
    public void Backward(in CellStep step, Matrix da, Matrix dc, Matrix dGx, Matrix dGa, Matrix daPrev)
    {
        GateGradients(step.CPrev!, step.Gates!, step.Extra!, da, dc, dGx);
        daPrev.Clear();
    }

    /// <summary>One forward step for dense x&lt;t&gt;, after checking shapes.</summary>
    /// <param name="p">LSTM parameters (G = 4).</param>
    /// <param name="aPrev">a&lt;t-1&gt;, (n_a, m).</param>
    /// <param name="cPrev">c&lt;t-1&gt;, (n_a, m).</param>
    /// <param name="x">x&lt;t&gt;, (n_x, m).</param>
    /// <param name="gates">Written: [i; f; g; o], (4 n_a, m).</param>
    /// <param name="tanhC">Written: tanh(c&lt;t&gt;), (n_a, m).</param>
    /// <param name="c">Written: c&lt;t&gt;, (n_a, m).</param>
    /// <param name="a">Written: a&lt;t&gt;, (n_a, m).</param>
    public static void Forward(RecurrentParameters p, Matrix aPrev, Matrix cPrev, Matrix x, Matrix gates, Matrix tanhC, Matrix c, Matrix a)
    {
        CheckStep(p, aPrev, cPrev, gates, tanhC, c);
        Guard.Shape(a, p.nA, aPrev.Cols, "a", null, "(n_a, m)");
        Guard.Shape(x, p.nX, aPrev.Cols, "x", null, "(n_x, m)");
        Blas.SetBiasPlusProduct(p.Bax, p.Wax, x, gates); // gates = bax + Wax x<t>
        ForwardUnchecked(p, aPrev, cPrev, gates, new Matrix(gates.Rows, gates.Cols), tanhC, c, a);
    }

    /// <summary>
    /// One backward step (see <see cref="GateGradients"/>); allocates Waa^T, which the sequence model transposes once instead.
    /// </summary>
    /// <param name="p">LSTM parameters.</param>
    /// <param name="cPrev">c&lt;t-1&gt;, (n_a, m).</param>
    /// <param name="gates">[i; f; g; o] of the forward step, (4 n_a, m).</param>
    /// <param name="tanhC">tanh(c&lt;t&gt;) of the forward step, (n_a, m).</param>
    /// <param name="da">dL/da&lt;t&gt;, (n_a, m).</param>
    /// <param name="dc">On entry dL/dc&lt;t&gt; from step t + 1 (zeros at the last step), (n_a, m); on exit dL/dc&lt;t-1&gt;.</param>
    /// <param name="dG">Written: dL/d(pre-activations), (4 n_a, m): dWax += dG x^T, dWaa += dG a&lt;t-1&gt;^T, dbax, dbaa += row sums.</param>
    /// <param name="daPrev">Written: dL/da&lt;t-1&gt; = Waa^T dG, (n_a, m).</param>
    public static void Backward(RecurrentParameters p, Matrix cPrev, Matrix gates, Matrix tanhC, Matrix da, Matrix dc, Matrix dG, Matrix daPrev)
    {
        CheckStep(p, da, cPrev, gates, tanhC, dc);        // da, dc have the shapes of a<t>, c<t>
        Guard.Shape(dG, gates.Rows, gates.Cols, "dG", null, "(4 n_a, m)");
        Guard.Shape(daPrev, cPrev.Rows, cPrev.Cols, "daPrev", null, "(n_a, m)");
        GateGradients(cPrev, gates, tanhC, da, dc, dG);
        daPrev.Clear();
        Blas.MulAdd(p.Waa.Transpose(), dG, daPrev); // da<t-1> = Waa^T dG
    }

    /// <summary>The step once gates holds Wax x&lt;t&gt; + bax: adds the recurrent part, applies the gates, updates c and a.</summary>
    internal static void ForwardUnchecked(RecurrentParameters p, Matrix aPrev, Matrix cPrev, Matrix gates, Matrix recurrent, Matrix tanhC, Matrix c, Matrix a) =>
        ForwardUnchecked(p.Waa, p.Baa, aPrev, cPrev, gates, recurrent, tanhC, c, a);

    /// <summary>The step on the recurrent weights Waa (4 n_a, n_a) and baa (4 n_a) once gates holds Wax x&lt;t&gt; + bax.</summary>
    internal static void ForwardUnchecked(Matrix waa, ReadOnlySpan<double> baa, Matrix aPrev, Matrix cPrev, Matrix gates, Matrix recurrent, Matrix tanhC, Matrix c, Matrix a)
    {
        int size = aPrev.Data.Length; // n_a m: one gate block
        Blas.SetBiasPlusProduct(baa, waa, aPrev, recurrent); // recurrent = baa + Waa a<t-1>
        var g = gates.Data.AsSpan();
        TensorPrimitives.Add(g, recurrent.Data, g);   // pre-activations W.x x + b.x + W.a a<t-1> + b.a
        var ifGates = g[..(2 * size)];
        Elementwise.Sigmoid(ifGates, ifGates);   // i = σ(...), f = σ(...)
        var cand = g.Slice(2 * size, size);
        Elementwise.Tanh(cand, cand);            // g = tanh(...)
        var o = g.Slice(3 * size, size);
        Elementwise.Sigmoid(o, o);               // o = σ(...)
        TensorPrimitives.Multiply(g.Slice(size, size), cPrev.Data, c.Data);   // c<t> = f ⊙ c<t-1>
        TensorPrimitives.MultiplyAdd(g[..size], cand, c.Data, c.Data);        //      + i ⊙ g
        Elementwise.Tanh(c.Data, tanhC.Data);                            // tanh(c<t>)
        TensorPrimitives.Multiply(o, tanhC.Data, a.Data);                     // a<t> = o ⊙ tanh(c<t>)
    }

    /// <summary>
    /// The elementwise part of the backward step, with σ' = s(1 - s) and tanh' = 1 - tanh²:
    /// <code>
    /// dc  = dc_next + da ⊙ o ⊙ (1 - tanh²(c&lt;t&gt;))     the cell state's total gradient
    /// dGi = dc ⊙ g ⊙ i (1 - i),   dGf = dc ⊙ c&lt;t-1&gt; ⊙ f (1 - f)
    /// dGg = dc ⊙ i ⊙ (1 - g²),    dGo = da ⊙ tanh(c&lt;t&gt;) ⊙ o (1 - o)
    /// dc_next = dc ⊙ f                                 dL/dc&lt;t-1&gt;: the only factor along c is f (the highway)
    /// </code>
    /// </summary>
    internal static void GateGradients(Matrix cPrev, Matrix gates, Matrix tanhC, Matrix da, Matrix dc, Matrix dG)
    {
        var kernel = new LstmGateGradients(cPrev, gates, tanhC, da, dc, dG);
        Lanewise.For(in kernel, cPrev.Data.Length);
    }

    private static void CheckStep(RecurrentParameters p, Matrix aPrev, Matrix cPrev, Matrix gates, Matrix tanhC, Matrix c,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(aPrev))] string aName = "aPrev",
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(c))] string cName = "c")
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Gates != Gates)
        {
            throw new ArgumentException($"an LSTM needs G = 4 gate blocks; these parameters have G = {p.Gates}.", nameof(p));
        }
        int m = aPrev.Cols;
        Guard.Shape(aPrev, p.nA, m, aName, null, "(n_a, m)");
        Guard.Shape(cPrev, p.nA, m, "cPrev", null, "(n_a, m)");
        Guard.Shape(gates, Gates * p.nA, m, "gates", null, "(4 n_a, m)");
        Guard.Shape(tanhC, p.nA, m, "tanhC", null, "(n_a, m)");
        Guard.Shape(c, p.nA, m, cName, null, "(n_a, m)");
    }
}
