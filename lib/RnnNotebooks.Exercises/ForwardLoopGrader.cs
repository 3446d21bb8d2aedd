namespace RnnNotebooks.Exercises;

/// <summary>Grades a <see cref="ForwardLoopFunction"/> against <see cref="RecurrentLayer.Forward(SequenceBatch, Matrix?, Matrix?, RecurrentCache?)"/>, time step by time step.</summary>
internal static class ForwardLoopGrader
{
    /// <summary>(n_a, n_x, m, T, seed) of each case.</summary>
    private static readonly (int nA, int nX, int m, int T, int Seed)[] Cases = [(2, 3, 2, 3, 1), (3, 4, 5, 5, 2), (5, 2, 3, 4, 3)];

    public static (bool, string) Grade(ForwardLoopFunction forward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        for (int k = 0; k < Cases.Length; k++)
        {
            var (nA, nX, m, T, seed) = Cases[k];
            string where = $"case {k + 1} of {Cases.Length}: n_a = {nA}, n_x = {nX}, m = {m}, T = {T}, seed {seed}";
            var random = new Random(seed);
            var p = CellStepGrader.RandomParameters(nA, nX, random);
            var a0 = Algebra.Random(nA, m, random);
            var x = Enumerable.Range(0, T).Select(_ => Algebra.Random(nX, m, random)).ToArray();
            var cache = new Rnn(p).Forward(SequenceBatch.Dense(x), a0);
            var got = Attempt.Call(() => forward(p.Waa.Clone(), p.Wax.Clone(), (double[])p.Ba.Clone(), a0.Clone(),
                x.Select(xt => xt.Clone()).ToArray()), where);
            if (Problem(got, cache, p, a0, x, where) is { } problem)
            {
                return (false, problem);
            }
        }
        return (true, $"a<1> .. a<T> agree with Rnn.Forward on {Cases.Length} random cases (T from 3 to 5, m from 2 to 5).");
    }

    private static string? Problem(Matrix[]? got, RecurrentCache cache, RecurrentParameters p, Matrix a0, Matrix[] x, string where)
    {
        int T = x.Length;
        if (got is null)
        {
            return $"the function returned null; expected T = {T} states a<1> .. a<T> ({where}).";
        }
        if (got.Length != T)
        {
            string hint = got.Length == T + 1 ? " Leave a<0> out: element [t - 1] is a<t>." : "";
            return $"the function returned {got.Length} states; expected T = {T}, a<1> .. a<T> ({where}).{hint}";
        }
        for (int t = 1; t <= T; t++)
        {
            var suspects = CellStepGrader.Suspects(p, cache.A(t - 1), x[t - 1])
                .Append(new Suspect("every step starts from a<0>: carry a<t-1>, the state the step before returned", FromStart(p, a0, x[t - 1])))
                .ToArray();
            if (Comparison.Problem($"a<{t}>", got[t - 1], cache.A(t), "(n_a, m)", $"time step t = {t}, {where}", suspects) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static Matrix FromStart(RecurrentParameters p, Matrix a0, Matrix xt)
    {
        var a = new Matrix(a0.Rows, a0.Cols);
        RnnCell.Step(p, Activation.Tanh, a0, xt, a);
        return a;
    }
}
