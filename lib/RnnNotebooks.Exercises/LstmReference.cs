namespace RnnNotebooks.Exercises;

/// <summary>
/// The LSTM step of <see cref="LstmCell"/> written with the graders' algebra, with a switch for each usual mistake: the
/// values a suspect answer has.
/// </summary>
internal static class LstmReference
{
    /// <summary>The forward step; <paramref name="sigmoidG"/> makes the candidate g a sigmoid instead of a tanh.</summary>
    public static LstmStep Forward(RecurrentParameters p, Matrix aPrev, Matrix cPrev, Matrix x, bool sigmoidG = false)
    {
        int nA = aPrev.Rows;
        var pre = Algebra.Add(Algebra.Affine(p.Wax, p.Bax, x), Algebra.Affine(p.Waa, p.Baa, aPrev)); // W.x x + b.x + W.a a<t-1> + b.a, (4 n_a, m)
        var i = Algebra.Map(GatedCases.Block(pre, 0, nA), Algebra.Sigmoid);
        var f = Algebra.Map(GatedCases.Block(pre, 1, nA), Algebra.Sigmoid);
        var g = Algebra.Map(GatedCases.Block(pre, 2, nA), sigmoidG ? Algebra.Sigmoid : Math.Tanh);
        var o = Algebra.Map(GatedCases.Block(pre, 3, nA), Algebra.Sigmoid);
        var c = Algebra.Add(Algebra.Hadamard(f, cPrev), Algebra.Hadamard(i, g));   // c<t> = f ⊙ c<t-1> + i ⊙ g
        var a = Algebra.Hadamard(o, Algebra.Map(c, Math.Tanh));                     // a<t> = o ⊙ tanh(c<t>)
        return new LstmStep(i, f, g, o, c, a);
    }

    /// <summary>The backward step from da = dL/da&lt;t&gt; and dc = dL/dc&lt;t&gt; from step t + 1; each switch makes one usual mistake.</summary>
    /// <param name="p">LSTM parameters (G = 4).</param>
    /// <param name="step">The forward step's values.</param>
    /// <param name="aPrev">a&lt;t-1&gt;, (n_a, m).</param>
    /// <param name="cPrev">c&lt;t-1&gt;, (n_a, m).</param>
    /// <param name="x">x&lt;t&gt;, (n_x, m).</param>
    /// <param name="da">dL/da&lt;t&gt;, (n_a, m).</param>
    /// <param name="dc">dL/dc&lt;t&gt; from step t + 1, (n_a, m).</param>
    /// <param name="noCarry">The dc from step t + 1 is left out of dc&lt;t&gt;.</param>
    /// <param name="noTanhSlope">dc&lt;t&gt; = dc + da ⊙ o, without tanh'(c&lt;t&gt;).</param>
    /// <param name="noForget">dc&lt;t-1&gt; = dc&lt;t&gt;, without ⊙ f.</param>
    /// <param name="oWithC">dGo = da ⊙ c&lt;t&gt; ⊙ o(1 - o), with c instead of tanh(c).</param>
    public static LstmStepGradients Backward(RecurrentParameters p, LstmStep step, Matrix aPrev, Matrix cPrev, Matrix x, Matrix da, Matrix dc,
        bool noCarry = false, bool noTanhSlope = false, bool noForget = false, bool oWithC = false)
    {
        var blocks = Enumerable.Range(0, 4).Select(_ => new Matrix(da.Rows, da.Cols)).ToArray(); // dGi, dGf, dGg, dGo
        var dcPrev = new Matrix(da.Rows, da.Cols);
        for (int k = 0; k < da.Data.Length; k++)
        {
            double i = step.i.Data[k], f = step.f.Data[k], g = step.g.Data[k], o = step.o.Data[k], c = step.c.Data[k], t = Math.Tanh(c), d = da.Data[k];
            double dct = (noCarry ? 0 : dc.Data[k]) + d * o * (noTanhSlope ? 1 : 1 - t * t); // dL/dc<t>
            blocks[0].Data[k] = dct * g * i * (1 - i);
            blocks[1].Data[k] = dct * cPrev.Data[k] * f * (1 - f);
            blocks[2].Data[k] = dct * i * (1 - g * g);
            blocks[3].Data[k] = d * (oWithC ? c : t) * o * (1 - o);
            dcPrev.Data[k] = noForget ? dct : dct * f;                                        // dL/dc<t-1> = dc<t> ⊙ f
        }
        var dG = Algebra.Stack(blocks);
        var db = Algebra.RowSums(dG);
        return new LstmStepGradients(Algebra.Product(dG, x.Transpose()), Algebra.Product(dG, aPrev.Transpose()), db, (double[])db.Clone(),
            Algebra.Product(p.Waa.Transpose(), dG), dcPrev);
    }
}
