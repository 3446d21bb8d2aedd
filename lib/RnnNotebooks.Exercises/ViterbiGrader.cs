namespace RnnNotebooks.Exercises;

/// <summary>Grades a <see cref="ViterbiFunction"/> against the best of all n_y^T tag sequences, found by listing them.</summary>
internal static class ViterbiGrader
{
    /// <summary>(n_y, T, seed) of each case: up to 4^5 = 1024 sequences, few enough to list.</summary>
    private static readonly (int nY, int T, int Seed)[] Cases = [(2, 1, 1), (3, 4, 2), (4, 5, 3), (3, 6, 4), (2, 7, 5)];

    public static (bool, string) Grade(ViterbiFunction viterbi)
    {
        ArgumentNullException.ThrowIfNull(viterbi);
        foreach (var (k, (nY, T, seed)) in Cases.Index())
        {
            string where = $"case {k + 1} of {Cases.Length}: n_y = {nY}, T = {T}, seed {seed}";
            var random = new Random(seed);
            var u = Algebra.Random(nY, T, random, scale: 2.0);
            var a = Algebra.Random(nY, nY, random, scale: 2.0);
            var start = Algebra.Random(nY, 1, random, scale: 4.0).Data; // large enough that leaving start or end out changes the best path
            var end = Algebra.Random(nY, 1, random, scale: 4.0).Data;
            var best = Best(nY, T, y => Score(u, a, start, end, y));
            var got = Attempt.Call(() => viterbi(u.Clone(), a.Clone(), (double[])start.Clone(), (double[])end.Clone()), where);
            if (got is null || got.Length != T || got.Any(tag => tag < 0 || tag >= nY))
            {
                return (false, $"the path has {(got is null ? "no" : got.Length.ToString())} tags{(got is null ? "" : $" ({string.Join(" ", got)})")}; expected T = {T} tags in 0 .. {nY - 1} ({where}).");
            }
            if (!got.SequenceEqual(best))
            {
                return (false, $"the path {string.Join(" ", got)} scores {Score(u, a, start, end, got):F4}; {string.Join(" ", best)} scores {Score(u, a, start, end, best):F4} ({where}).{Hint(got, u, a, start, end, nY, T)}");
            }
        }
        return (true, $"the path is the best of all n_y^T tag sequences on {Cases.Length} random cases (T from 1 to 7, n_y from 2 to 4).");
    }

    /// <summary>What a wrong path looks like it left out, when it is the best path of a score without that part.</summary>
    private static string Hint(int[] got, Matrix u, Matrix a, double[] start, double[] end, int nY, int T)
    {
        var none = new double[nY];
        if (got.SequenceEqual(Best(nY, T, y => Score(u, new Matrix(nY, nY), none, none, y))))
        {
            return " It is each column's argmax of u: the transition scores A (and start, end) are left out.";
        }
        if (got.SequenceEqual(Best(nY, T, y => Score(u, a, start, none, y))))
        {
            return " It is the best path without the end scores: add end[k] to the last step's scores before the final max.";
        }
        return got.SequenceEqual(Best(nY, T, y => Score(u, a, none, end, y)))
            ? " It is the best path without the start scores: the first step's score is start[k] + u[k, 0]."
            : " Check the max over the previous tag i of delta[i] + A[i, k], and the back-pointers followed from the last step.";
    }

    private static int[] Best(int nY, int T, Func<int[], double> score)
    {
        int[] best = new int[T], y = new int[T];
        double bestScore = double.NegativeInfinity;
        for (int code = 0; code < (int)Math.Pow(nY, T); code++)
        {
            for (int t = 0, rest = code; t < T; t++, rest /= nY)
            {
                y[t] = rest % nY;
            }
            double s = score(y);
            if (s > bestScore)
            {
                (bestScore, best) = (s, (int[])y.Clone());
            }
        }
        return best;
    }

    private static double Score(Matrix u, Matrix a, double[] start, double[] end, int[] y)
    {
        double s = start[y[0]] + end[y[^1]];
        for (int t = 0; t < y.Length; t++)
        {
            s += u[y[t], t] + (t > 0 ? a[y[t - 1], y[t]] : 0); // s(y) = start + sum_t u + sum_t A + end
        }
        return s;
    }
}
