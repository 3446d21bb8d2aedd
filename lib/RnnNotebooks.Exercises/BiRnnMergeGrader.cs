namespace RnnNotebooks.Exercises;

/// <summary>
/// Grades a bidirectional merge (<see cref="BiRnnMergeFunction"/>) against the states <see cref="BidirectionalRnn.Forward"/>
/// keeps, and its backward split (<see cref="BiRnnSplitFunction"/>) against the merge's transpose and central differences.
/// </summary>
internal static class BiRnnMergeGrader
{
    /// <summary>(n_a, n_x, Tx, m, seed) of each case; sample 0 has length Tx, the others are padded at random.</summary>
    private static readonly (int nA, int nX, int Tx, int m, int Seed)[] Cases = [(2, 3, 3, 3, 1), (3, 2, 5, 4, 2), (5, 3, 4, 5, 3)];

    private const string NotRealigned = "a_bwd<t> was taken from the backward direction's step t: that state has read x<T_j> .. x<T_j - t + 1>; h<t> needs its step s = T_j - t + 1";
    private const string OverTx = "the steps were reversed over Tx, not over each sample's own length T_j: s = T_j - t + 1 (s = t on the padding)";
    private const string Swapped = "the halves are swapped: h<t> = [a_fwd<t>; a_bwd<t>], the forward direction on top";

    public static (bool, string) Grade(BiRnnMergeFunction merge, BiRnnSplitFunction split)
    {
        ArgumentNullException.ThrowIfNull(merge);
        ArgumentNullException.ThrowIfNull(split);
        for (int k = 0; k < Cases.Length; k++)
        {
            var (nA, nX, tx, m, seed) = Cases[k];
            var random = new Random(seed);
            var lengths = Enumerable.Range(0, m).Select(j => j == 0 ? tx : 1 + random.Next(tx)).ToArray();
            string where = $"case {k + 1} of {Cases.Length}: n_a = {nA}, Tx = {tx}, m = {m}, lengths [{string.Join(", ", lengths)}], seed {seed}";
            var x = SequenceBatch.Dense(Enumerable.Range(0, tx).Select(_ => Algebra.Random(nX, m, random)).ToArray());
            var cache = BidirectionalRnn.Create(nX, nA, 2, seed).Forward(x, lengths);
            var aFwd = Enumerable.Range(1, tx).Select(t => cache.ForwardCache.A(t).Clone()).ToArray();
            var aBwd = Enumerable.Range(1, tx).Select(s => cache.BackwardCache.A(s).Clone()).ToArray();
            var h = Enumerable.Range(1, tx).Select(cache.A).ToArray();
            var got = Attempt.Call(() => merge(Copy(aFwd), Copy(aBwd), (int[])lengths.Clone()), where);
            if (Comparison.Steps("h", got, h, "(2 n_a, m)", where, t => MergedEntry(t, nA, lengths),
                (NotRealigned, Merge(aFwd, aBwd, lengths, (t, _) => t)), (OverTx, Merge(aFwd, aBwd, lengths, (t, _) => tx - t + 1)),
                (Swapped, Merge(aFwd, aBwd, lengths, Reversed).Select(Rotate).ToArray())) is { } problem)
            {
                return (false, problem);
            }
            var dh = Enumerable.Range(0, tx).Select(_ => Algebra.Random(2 * nA, m, random)).ToArray();
            var gotSplit = Attempt.Call(() => split(Copy(dh), (int[])lengths.Clone()), where);
            if (SplitProblem(gotSplit, dh, aFwd, aBwd, lengths, where) is { } splitProblem)
            {
                return (false, splitProblem);
            }
        }
        return (true, $"h<t> agrees with BidirectionalRnn.Forward's states, and da_fwd, da_bwd with the merge's transpose and central differences, on {Cases.Length} random padded batches (m from 3 to 5).");
    }

    /// <summary>Where step t of a sample of real length L lies among the backward direction's steps (the library's rule; its own inverse).</summary>
    private static int Reversed(int t, int length) => t <= length ? length - t + 1 : t;

    private static string? SplitProblem(BiRnnSplit? got, Matrix[] dh, Matrix[] aFwd, Matrix[] aBwd, int[] lengths, string where)
    {
        if (got is null)
        {
            return $"the split function returned null; expected new BiRnnSplit(daFwd, daBwd) ({where}).";
        }
        int nA = aFwd[0].Rows, tx = dh.Length;
        var expected = Split(dh, lengths, nA, Reversed);
        var notRealigned = Split(dh, lengths, nA, (t, _) => t);
        var overTx = Split(dh, lengths, nA, (t, _) => tx - t + 1);
        var swapped = Split(dh.Select(Rotate).ToArray(), lengths, nA, Reversed);
        return Comparison.Steps("da_fwd", got.daFwd, expected.daFwd, "(n_a, m)", where, (Swapped, swapped.daFwd))
            ?? Comparison.Steps("da_bwd", got.daBwd, expected.daBwd, "(n_a, m)", where, s => (_, j) => $"sample {j}, T = {lengths[j]}: it comes from dh<{Reversed(s, lengths[j])}>",
                (NotRealigned, notRealigned.daBwd), (OverTx, overTx.daBwd), (Swapped, swapped.daBwd))
            ?? GradientCheckProblem(got, dh, aFwd, aBwd, lengths, where);
    }

    /// <summary>Central differences of L = sum over t of sum(dh&lt;t&gt; ⊙ h&lt;t&gt;), whose gradients are the split.</summary>
    private static string? GradientCheckProblem(BiRnnSplit got, Matrix[] dh, Matrix[] aFwd, Matrix[] aBwd, int[] lengths, string where)
    {
        double Loss() => Merge(aFwd, aBwd, lengths, Reversed).Zip(dh, Algebra.Dot).Sum();
        for (int t = 1; t <= dh.Length; t++)
        {
            if ((FiniteDifferences.Problem($"da_fwd<{t}>", aFwd[t - 1].Data, got.daFwd[t - 1].Data, Loss, where)
                ?? FiniteDifferences.Problem($"da_bwd<{t}>", aBwd[t - 1].Data, got.daBwd[t - 1].Data, Loss, where)) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static Func<int, int, string> MergedEntry(int t, int nA, int[] lengths) => (row, j) => row < nA
        ? $"a_fwd<{t}>, unit {row}, sample {j}"
        : $"a_bwd<{t}>, unit {row - nA}, sample {j}, T = {lengths[j]}: the backward direction's step {Reversed(t, lengths[j])}";

    /// <summary>h&lt;t&gt; = [top&lt;t&gt;; bottom at step s(t, T_j)] column by column.</summary>
    private static Matrix[] Merge(Matrix[] top, Matrix[] bottom, int[] lengths, Func<int, int, int> s)
    {
        int nA = top[0].Rows, m = top[0].Cols;
        var h = new Matrix[top.Length];
        for (int t = 1; t <= top.Length; t++)
        {
            h[t - 1] = new Matrix(2 * nA, m);
            for (int j = 0; j < m; j++)
            {
                var from = bottom[s(t, lengths[j]) - 1];
                for (int i = 0; i < nA; i++)
                {
                    h[t - 1][i, j] = top[t - 1][i, j];
                    h[t - 1][nA + i, j] = from[i, j];
                }
            }
        }
        return h;
    }

    /// <summary>The transpose of <see cref="Merge"/>: dh's top rows to daFwd&lt;t&gt;, its bottom rows to daBwd at step s(t, T_j).</summary>
    private static BiRnnSplit Split(Matrix[] dh, int[] lengths, int nA, Func<int, int, int> s)
    {
        int m = dh[0].Cols;
        var daFwd = dh.Select(d => Algebra.Rows(d, 0, nA)).ToArray();
        var daBwd = dh.Select(_ => new Matrix(nA, m)).ToArray();
        for (int t = 1; t <= dh.Length; t++)
        {
            for (int j = 0; j < m; j++)
            {
                var to = daBwd[s(t, lengths[j]) - 1];
                for (int i = 0; i < nA; i++)
                {
                    to[i, j] += dh[t - 1][nA + i, j];
                }
            }
        }
        return new BiRnnSplit(daFwd, daBwd);
    }

    /// <summary>[bottom; top] of a (2 n_a, m) matrix: the halves swapped.</summary>
    private static Matrix Rotate(Matrix h) => Algebra.Stack(Algebra.Rows(h, h.Rows / 2, h.Rows / 2), Algebra.Rows(h, 0, h.Rows / 2));

    private static Matrix[] Copy(Matrix[] steps) => steps.Select(s => s.Clone()).ToArray();
}
