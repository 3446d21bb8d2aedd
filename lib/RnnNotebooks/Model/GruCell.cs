using System.Numerics.Tensors;

namespace RnnNotebooks;

/// <summary>
/// One time step of PyTorch's GRU (<c>torch.nn.GRU</c>), for a batch of m columns, with its backward step:
/// <code>
/// r&lt;t&gt; = σ(Wrx x&lt;t&gt; + brx + Wra a&lt;t-1&gt; + bra)               reset gate    (n_a, m)
/// z&lt;t&gt; = σ(Wzx x&lt;t&gt; + bzx + Wza a&lt;t-1&gt; + bza)               update gate   (n_a, m)
/// n&lt;t&gt; = tanh(Wnx x&lt;t&gt; + bnx + r&lt;t&gt; ⊙ (Wna a&lt;t-1&gt; + bna))     candidate     (n_a, m)
/// a&lt;t&gt; = (1 - z&lt;t&gt;) ⊙ n&lt;t&gt; + z&lt;t&gt; ⊙ a&lt;t-1&gt;                  new state     (n_a, m)
/// </code>
/// Wrx, Wzx, Wnx are the three (n_a, n_x) row blocks of <see cref="RecurrentParameters.Wax"/>, Wra, Wza, Wna those of
/// <see cref="RecurrentParameters.Waa"/> (n_a, n_a), and the b's the blocks of bax and baa.
/// Where the literature differs: Cho et al. (2014) apply the reset gate before the product,
/// n = tanh(Wnx x + Wna (r ⊙ a&lt;t-1&gt;) + b), and name the gates the other way round in the last line
/// (a&lt;t&gt; = z ⊙ a&lt;t-1&gt; + (1 - z) ⊙ n is PyTorch's and this library's; some texts write z ⊙ n + (1 - z) ⊙ a&lt;t-1&gt;).
/// PyTorch (cuDNN's form) multiplies r after Wna a&lt;t-1&gt; + bna, so both products of a step can run at once; this
/// library follows PyTorch, so its weights load into <c>nn.GRU</c> unchanged.
/// </summary>
public sealed class GruCell : IRecurrentCell
{
    /// <summary>G, the number of gate blocks: r, z, n.</summary>
    public const int Gates = 3;

    private GruCell()
    {
    }

    /// <summary>The GRU cell (it has no settings: one instance serves every layer).</summary>
    public static GruCell Instance { get; } = new();

    /// <inheritdoc/>
    public RecurrentCell Kind => RecurrentCell.Gru;

    /// <summary>G = 3: r, z, n.</summary>
    int IRecurrentCell.Gates => Gates;

    /// <inheritdoc/>
    public bool HasCellState => false;

    /// <summary>
    /// 2 n_a: r multiplies the recurrent side of n only, so dGa = [dGr; dGz; dGn ⊙ r] and dGx = [dGr; dGz; dGn] agree in
    /// their r and z blocks and differ in the n block.
    /// </summary>
    public int SharedGateRows(int nA) => 2 * nA;

    /// <summary>gates = bax + Wax x&lt;t&gt;, then the recurrent side and the gates (<see cref="ForwardUnchecked(Matrix, ReadOnlySpan{double}, Matrix, Matrix, Matrix, Matrix, Matrix)"/>).</summary>
    public void Forward(in CellWeights w, StepInput x, in CellStep step)
    {
        var gates = step.Gates!;
        x.WriteAffine(w.Wax, w.Bax, gates); // gates = bax + Wax x<t>
        ForwardUnchecked(w.Waa, w.Baa, step.APrev, gates, step.Recurrent!, step.Extra!, step.A);
    }

    /// <summary><see cref="GateGradients"/>: dGx, dGa and daPrev = da ⊙ z.</summary>
    public void Backward(in CellStep step, Matrix da, Matrix dc, Matrix dGx, Matrix dGa, Matrix daPrev) =>
        GateGradients(step.APrev, step.Gates!, step.Extra!, da, dGx, dGa, daPrev);

    /// <summary>One forward step for dense x&lt;t&gt;, after checking shapes.</summary>
    /// <param name="p">GRU parameters (G = 3).</param>
    /// <param name="aPrev">a&lt;t-1&gt;, (n_a, m).</param>
    /// <param name="x">x&lt;t&gt;, (n_x, m).</param>
    /// <param name="gates">Written: [r; z; n], (3 n_a, m).</param>
    /// <param name="hn">Written: Wna a&lt;t-1&gt; + bna, (n_a, m), which the backward step needs.</param>
    /// <param name="a">Written: a&lt;t&gt;, (n_a, m).</param>
    public static void Forward(RecurrentParameters p, Matrix aPrev, Matrix x, Matrix gates, Matrix hn, Matrix a)
    {
        CheckStep(p, aPrev, gates, hn, a);
        Guard.Shape(x, p.nX, aPrev.Cols, "x", null, "(n_x, m)");
        Blas.SetBiasPlusProduct(p.Bax, p.Wax, x, gates); // gates = bax + Wax x<t>
        ForwardUnchecked(p, aPrev, gates, new Matrix(gates.Rows, gates.Cols), hn, a);
    }

    /// <summary>
    /// One backward step: from dL/da&lt;t&gt; to the gradients of the gates' pre-activations and to dL/da&lt;t-1&gt;
    /// (see <see cref="GateGradients"/>); allocates Waa^T, which the sequence model transposes once instead.
    /// </summary>
    /// <param name="p">GRU parameters.</param>
    /// <param name="aPrev">a&lt;t-1&gt;, (n_a, m).</param>
    /// <param name="gates">[r; z; n] of the forward step, (3 n_a, m).</param>
    /// <param name="hn">Wna a&lt;t-1&gt; + bna of the forward step, (n_a, m).</param>
    /// <param name="da">dL/da&lt;t&gt;, (n_a, m).</param>
    /// <param name="dGx">Written: dL/d(Wax x&lt;t&gt; + bax), (3 n_a, m); dWax += dGx x^T, dbax += row sums.</param>
    /// <param name="dGa">Written: dL/d(Waa a&lt;t-1&gt; + baa), (3 n_a, m); dWaa += dGa a&lt;t-1&gt;^T, dbaa += row sums.</param>
    /// <param name="daPrev">Written: dL/da&lt;t-1&gt; = da ⊙ z + Waa^T dGa, (n_a, m).</param>
    public static void Backward(RecurrentParameters p, Matrix aPrev, Matrix gates, Matrix hn, Matrix da, Matrix dGx, Matrix dGa, Matrix daPrev)
    {
        CheckStep(p, aPrev, gates, hn, da);
        Guard.Shape(dGx, gates.Rows, gates.Cols, "dGx", null, "(3 n_a, m)");
        Guard.Shape(dGa, gates.Rows, gates.Cols, "dGa", null, "(3 n_a, m)");
        Guard.Shape(daPrev, aPrev.Rows, aPrev.Cols, "daPrev", null, "(n_a, m)");
        GateGradients(aPrev, gates, hn, da, dGx, dGa, daPrev);
        Blas.MulAdd(p.Waa.Transpose(), dGa, daPrev); // da<t-1> += Waa^T dGa
    }

    /// <summary>
    /// The step once gates holds Wax x&lt;t&gt; + bax: adds the recurrent part and applies the gates, in place.
    /// </summary>
    /// <param name="p">GRU parameters.</param>
    /// <param name="aPrev">a&lt;t-1&gt;.</param>
    /// <param name="gates">On entry Wax x&lt;t&gt; + bax; on exit [r; z; n].</param>
    /// <param name="recurrent">Scratch (3 n_a, m): Waa a&lt;t-1&gt; + baa.</param>
    /// <param name="hn">Written: Wna a&lt;t-1&gt; + bna.</param>
    /// <param name="a">Written: a&lt;t&gt;.</param>
    internal static void ForwardUnchecked(RecurrentParameters p, Matrix aPrev, Matrix gates, Matrix recurrent, Matrix hn, Matrix a) =>
        ForwardUnchecked(p.Waa, p.Baa, aPrev, gates, recurrent, hn, a);

    /// <summary>The step on the recurrent weights Waa (3 n_a, n_a) and baa (3 n_a) once gates holds Wax x&lt;t&gt; + bax.</summary>
    internal static void ForwardUnchecked(Matrix waa, ReadOnlySpan<double> baa, Matrix aPrev, Matrix gates, Matrix recurrent, Matrix hn, Matrix a)
    {
        int size = aPrev.Data.Length; // n_a m: one gate block
        Blas.SetBiasPlusProduct(baa, waa, aPrev, recurrent); // recurrent = baa + Waa a<t-1>
        var g = gates.Data.AsSpan();
        var rec = recurrent.Data.AsSpan();
        var rz = g[..(2 * size)];
        TensorPrimitives.Add(rz, rec[..(2 * size)], rz); // [r; z] pre-activations: W.x x + b.x + W.a a<t-1> + b.a
        Elementwise.Sigmoid(rz, rz);                // r = σ(...), z = σ(...)
        var r = g[..size];
        var z = g.Slice(size, size);
        var n = g.Slice(2 * size, size);
        rec.Slice(2 * size, size).CopyTo(hn.Data);      // hn = Wna a<t-1> + bna
        TensorPrimitives.MultiplyAdd(r, hn.Data, n, n);  // Wnx x + bnx + r ⊙ hn
        Elementwise.Tanh(n, n);                     // n = tanh(...)
        var h = a.Data.AsSpan();
        TensorPrimitives.Subtract(aPrev.Data, n, h);     // a<t-1> - n
        TensorPrimitives.MultiplyAdd(h, z, n, h);        // a<t> = n + z ⊙ (a<t-1> - n) = (1 - z) ⊙ n + z ⊙ a<t-1>
    }

    /// <summary>
    /// The elementwise part of the backward step, with σ' = s(1 - s) and tanh' = 1 - n²:
    /// <code>
    /// dn = da ⊙ (1 - z),        dGn = dn ⊙ (1 - n²)                    (pre-activation of n)
    /// dz = da ⊙ (a&lt;t-1&gt; - n),   dGz = dz ⊙ z (1 - z)
    /// dr = dGn ⊙ hn,            dGr = dr ⊙ r (1 - r)
    /// dGx = [dGr; dGz; dGn],    dGa = [dGr; dGz; dGn ⊙ r]                 (r multiplies the recurrent side of n only)
    /// daPrev = da ⊙ z                                                    (Waa^T dGa is added by the caller)
    /// </code>
    /// </summary>
    internal static void GateGradients(Matrix aPrev, Matrix gates, Matrix hn, Matrix da, Matrix dGx, Matrix dGa, Matrix daPrev)
    {
        var kernel = new GruGateGradients(aPrev, gates, hn, da, dGx, dGa, daPrev);
        Lanewise.For(in kernel, aPrev.Data.Length);
    }

    private static void CheckStep(RecurrentParameters p, Matrix aPrev, Matrix gates, Matrix hn, Matrix a,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(a))] string aName = "a")
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Gates != Gates)
        {
            throw new ArgumentException($"a GRU needs G = 3 gate blocks; these parameters have G = {p.Gates}.", nameof(p));
        }
        int m = aPrev.Cols;
        Guard.Shape(aPrev, p.nA, m, "aPrev", null, "(n_a, m)");
        Guard.Shape(gates, Gates * p.nA, m, "gates", null, "(3 n_a, m)");
        Guard.Shape(hn, p.nA, m, "hn", null, "(n_a, m)");
        Guard.Shape(a, p.nA, m, aName, null, "(n_a, m)");
    }
}
