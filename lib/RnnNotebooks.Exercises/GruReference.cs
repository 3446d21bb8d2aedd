namespace RnnNotebooks.Exercises;

/// <summary>
/// The GRU step of <see cref="GruCell"/> written with the graders' algebra, with a switch for each usual mistake: the
/// values a suspect answer has.
/// </summary>
internal static class GruReference
{
    /// <summary>The forward step; each switch makes one usual mistake.</summary>
    /// <param name="p">GRU parameters (G = 3).</param>
    /// <param name="aPrev">a&lt;t-1&gt;, (n_a, m).</param>
    /// <param name="x">x&lt;t&gt;, (n_x, m).</param>
    /// <param name="choReset">r multiplies a&lt;t-1&gt; before Wna (Cho et al.'s form), not Wna a&lt;t-1&gt; + bna.</param>
    /// <param name="noReset">n = tanh(Wnx x + bnx + hn), without r.</param>
    /// <param name="swapUpdate">a&lt;t&gt; = z ⊙ n + (1 - z) ⊙ a&lt;t-1&gt;.</param>
    public static GruStep Forward(RecurrentParameters p, Matrix aPrev, Matrix x, bool choReset = false, bool noReset = false, bool swapUpdate = false)
    {
        int nA = aPrev.Rows;
        var xSide = Algebra.Affine(p.Wax, p.Bax, x);                 // Wax x<t> + bax, (3 n_a, m)
        var aSide = Algebra.Affine(p.Waa, p.Baa, aPrev);             // Waa a<t-1> + baa
        Matrix Gate(int gate) => Algebra.Map(Algebra.Add(GatedCases.Block(xSide, gate, nA), GatedCases.Block(aSide, gate, nA)), Algebra.Sigmoid);
        var r = Gate(0);                                             // r = σ(Wrx x + brx + Wra a<t-1> + bra)
        var z = Gate(1);                                             // z = σ(Wzx x + bzx + Wza a<t-1> + bza)
        var hn = GatedCases.Block(aSide, 2, nA);                     // hn = Wna a<t-1> + bna
        var recurrent = noReset ? hn
            : choReset ? Algebra.Affine(GatedCases.Block(p.Waa, 2, nA), p.Baa[(2 * nA)..], Algebra.Hadamard(r, aPrev))
            : Algebra.Hadamard(r, hn);
        var n = Algebra.Map(Algebra.Add(GatedCases.Block(xSide, 2, nA), recurrent), Math.Tanh); // n = tanh(Wnx x + bnx + r ⊙ hn)
        var keep = swapUpdate ? Algebra.Map(z, v => 1 - v) : z;
        var a = Algebra.Add(Algebra.Hadamard(Algebra.Map(keep, v => 1 - v), n), Algebra.Hadamard(keep, aPrev)); // (1 - z) ⊙ n + z ⊙ a<t-1>
        return new GruStep(r, z, n, hn, a);
    }

    /// <summary>The backward step from da = dL/da&lt;t&gt;; each switch makes one usual mistake.</summary>
    /// <param name="p">GRU parameters (G = 3).</param>
    /// <param name="step">The forward step's values.</param>
    /// <param name="aPrev">a&lt;t-1&gt;, (n_a, m).</param>
    /// <param name="x">x&lt;t&gt;, (n_x, m).</param>
    /// <param name="da">dL/da&lt;t&gt;, (n_a, m).</param>
    /// <param name="noDirect">da&lt;t-1&gt; without the direct path da ⊙ z.</param>
    /// <param name="noResetBack">dGa's n block is dGn, not dGn ⊙ r.</param>
    /// <param name="flipUpdate">dGz from n - a&lt;t-1&gt; instead of a&lt;t-1&gt; - n.</param>
    public static GruStepGradients Backward(RecurrentParameters p, GruStep step, Matrix aPrev, Matrix x, Matrix da,
        bool noDirect = false, bool noResetBack = false, bool flipUpdate = false)
    {
        var (r, z, n, hn) = (step.r, step.z, step.n, step.hn);
        var dGn = new Matrix(da.Rows, da.Cols);
        var dGz = new Matrix(da.Rows, da.Cols);
        var dGr = new Matrix(da.Rows, da.Cols);
        for (int k = 0; k < da.Data.Length; k++)
        {
            double zk = z.Data[k], nk = n.Data[k], rk = r.Data[k];
            dGn.Data[k] = da.Data[k] * (1 - zk) * (1 - nk * nk);                                       // through n = tanh(.)
            dGz.Data[k] = da.Data[k] * (flipUpdate ? nk - aPrev.Data[k] : aPrev.Data[k] - nk) * zk * (1 - zk); // through z = σ(.)
            dGr.Data[k] = dGn.Data[k] * hn.Data[k] * rk * (1 - rk);                                    // through r ⊙ hn
        }
        var dGx = Algebra.Stack(dGr, dGz, dGn);
        var dGa = Algebra.Stack(dGr, dGz, noResetBack ? dGn : Algebra.Hadamard(dGn, r));
        var daPrev = Algebra.Product(p.Waa.Transpose(), dGa);                                         // Waaᵀ dGa
        if (!noDirect)
        {
            daPrev = Algebra.Add(daPrev, Algebra.Hadamard(da, z));                                    // + da ⊙ z
        }
        return new GruStepGradients(Algebra.Product(dGx, x.Transpose()), Algebra.Product(dGa, aPrev.Transpose()),
            Algebra.RowSums(dGx), Algebra.RowSums(dGa), daPrev);
    }
}
