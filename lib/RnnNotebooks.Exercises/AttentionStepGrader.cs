namespace RnnNotebooks.Exercises;

/// <summary>Grades an <see cref="AttentionStepFunction"/> against <see cref="AdditiveAttention.Forward"/>.</summary>
internal static class AttentionStepGrader
{
    /// <summary>(n_s, n_h, n_att, Tx, m, seed) of each case.</summary>
    private static readonly (int nS, int nH, int nAtt, int Tx, int m, int Seed)[] Cases = [(3, 4, 5, 3, 2, 1), (5, 3, 4, 5, 3, 2), (2, 5, 3, 4, 5, 3)];

    public static (bool, string) Grade(AttentionStepFunction attend)
    {
        ArgumentNullException.ThrowIfNull(attend);
        for (int k = 0; k < Cases.Length; k++)
        {
            var (nS, nH, nAtt, tx, m, seed) = Cases[k];
            string where = $"case {k + 1} of {Cases.Length}: n_s = {nS}, n_h = {nH}, n_att = {nAtt}, Tx = {tx}, m = {m}, seed {seed}";
            var random = new Random(seed);
            var attention = new AdditiveAttention(nS, nH, nAtt);
            attention.Wd.CopyFrom(Algebra.Random(nAtt, nS, random));
            attention.We.CopyFrom(Algebra.Random(nAtt, nH, random));
            Algebra.Random(nAtt, 1, random).Data.CopyTo(attention.V, 0);
            var s = Algebra.Random(nS, m, random);
            var h = Enumerable.Range(0, tx).Select(_ => Algebra.Random(nH, m, random)).ToArray();
            var u = Enumerable.Range(0, tx).Select(_ => new Matrix(nAtt, m)).ToArray();
            var (alpha, context) = (new Matrix(tx, m), new Matrix(nH, m));
            attention.Forward(s, h, attention.Keys(h), u, alpha, context);
            var e = Scores(u, attention.V);                                                    // e<t,t'> = vᵀ u<t,t'>
            var got = Attempt.Call(() => attend(attention.Wd.Clone(), attention.We.Clone(), (double[])attention.V.Clone(), s.Clone(),
                h.Select(ht => ht.Clone()).ToArray()), where);
            if (Problem(got, new AttentionStep(e, alpha, context), attention, s, h, where) is { } problem)
            {
                return (false, problem);
            }
        }
        return (true, $"e, alpha and the context agree with AdditiveAttention.Forward on {Cases.Length} random cases (Tx from 3 to 5, m from 2 to 5).");
    }

    private static string? Problem(AttentionStep? got, AttentionStep expected, AdditiveAttention attention, Matrix s, Matrix[] h, string where)
    {
        if (got is null)
        {
            return $"the function returned null; expected new AttentionStep(e, alpha, context) ({where}).";
        }
        var keys = h.Select(ht => Algebra.Product(attention.We, ht)).ToArray();
        var query = Algebra.Product(attention.Wd, s);
        var noTanh = Scores(keys.Select(key => Algebra.Add(query, key)).ToArray(), attention.V);
        var noQuery = Scores(keys.Select(key => Algebra.Map(key, Math.Tanh)).ToArray(), attention.V);
        Func<int, int, string> input = (row, j) => $"input t' = {row + 1}, sample {j}";
        return Comparison.Problem("e", got.e, expected.e, "(Tx, m)", where, input,
                new Suspect("tanh is missing: e = vᵀ tanh(Wd s<t-1> + We h<t'>)", noTanh),
                new Suspect("the decoder's state is missing: e = vᵀ tanh(Wd s<t-1> + We h<t'>)", noQuery))
            ?? Comparison.Problem("alpha", got.alpha, expected.alpha, "(Tx, m)", where, input,
                new Suspect("softmax is missing: alpha = softmax over t' of e", expected.e),
                new Suspect("the softmax ran over the batch (each row), not over the inputs t' (each column)", Algebra.Softmax(expected.e.Transpose()).Transpose()))
            ?? Comparison.Problem("context", got.context, expected.context, "(n_h, m)", where,
                new Suspect("the context weighs h with e, not alpha: c<t> = sum over t' of alpha<t,t'> h<t'>", Context(expected.e, h)),
                new Suspect("the context is the plain mean of h, as if every alpha were 1/Tx", Context(Algebra.Map(expected.alpha, _ => 1.0 / h.Length), h)));
    }

    /// <summary>e&lt;t'&gt; = vᵀ u&lt;t'&gt; for each t' and column, (Tx, m).</summary>
    private static Matrix Scores(Matrix[] u, double[] v)
    {
        var e = new Matrix(u.Length, u[0].Cols);
        for (int t = 0; t < u.Length; t++)
        {
            for (int i = 0; i < v.Length; i++)
            {
                for (int j = 0; j < e.Cols; j++)
                {
                    e[t, j] += v[i] * u[t][i, j];
                }
            }
        }
        return e;
    }

    /// <summary>sum over t' of weights[t' - 1, j] h&lt;t'&gt;[:, j], (n_h, m).</summary>
    private static Matrix Context(Matrix weights, Matrix[] h)
    {
        var c = new Matrix(h[0].Rows, h[0].Cols);
        for (int t = 0; t < h.Length; t++)
        {
            for (int j = 0; j < c.Cols; j++)
            {
                for (int i = 0; i < c.Rows; i++)
                {
                    c[i, j] += weights[t, j] * h[t][i, j];
                }
            }
        }
        return c;
    }
}
