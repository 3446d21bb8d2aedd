namespace RnnNotebooks.Exercises;

/// <summary>
/// Grades a GRU step, forward (<see cref="GruForwardFunction"/>) against <see cref="GruCell"/> and backward
/// (<see cref="GruBackwardFunction"/>) against <see cref="RecurrentLayer.Backward"/> over one step and central differences.
/// </summary>
internal static class GruStepGrader
{
    private static readonly string[] Gates = ["r", "z", "n"];

    public static (bool, string) Grade(GruForwardFunction forward, GruBackwardFunction backward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        var cases = GatedCases.Cases;
        for (int k = 0; k < cases.Length; k++)
        {
            var (p, aPrev, x, da, _, where) = GatedCases.Draw(k, GruCell.Gates);
            int nA = p.nA;
            var gru = new Gru(p);
            var cache = gru.Forward(SequenceBatch.Dense([x]), aPrev);
            var gates = cache.Gates(1);
            var step = new GruStep(GatedCases.Block(gates, 0, nA), GatedCases.Block(gates, 1, nA), GatedCases.Block(gates, 2, nA), cache.Extra(1), cache.A(1));
            var gotStep = Attempt.Call(() => forward(p.Wax.Clone(), p.Waa.Clone(), (double[])p.Bax.Clone(), (double[])p.Baa.Clone(), aPrev.Clone(), x.Clone()), where);
            if (ForwardProblem(gotStep, step, p, aPrev, x, where) is { } forwardProblem)
            {
                return (false, forwardProblem);
            }
            var expected = gru.Backward(cache, null, new BackwardOptions { dALast = da });
            var copy = new GruStep(step.r.Clone(), step.z.Clone(), step.n.Clone(), step.hn.Clone(), step.a.Clone());
            var got = Attempt.Call(() => backward(da.Clone(), copy, aPrev.Clone(), x.Clone(), p.Waa.Clone()), where);
            if (got is null)
            {
                return (false, $"the backward function returned null; expected new GruStepGradients(dWax, dWaa, dbax, dbaa, daPrev) ({where}).");
            }
            if ((BackwardProblem(got, expected, p, step, aPrev, x, da, where) ?? GradientCheckProblem(got, p, aPrev, x, da, where)) is { } problem)
            {
                return (false, problem);
            }
        }
        return (true, $"r, z, n, hn and a<t> agree with GruCell.Forward, and dWax, dWaa, dbax, dbaa and da<t-1> with Gru.Backward and with central differences, on {cases.Length} random cases (n_a from 2 to 5, m from 2 to 5).");
    }

    private static string? ForwardProblem(GruStep? got, GruStep expected, RecurrentParameters p, Matrix aPrev, Matrix x, string where)
    {
        if (got is null)
        {
            return $"the forward function returned null; expected new GruStep(r, z, n, hn, a) ({where}).";
        }
        const string order = "the gate blocks are out of order: Wax = [Wrx; Wzx; Wnx], rows 0 .. n_a - 1 are r's, then z's, then n's";
        int nA = aPrev.Rows;
        return Comparison.Problem("r", got.r, expected.r, "(n_a, m)", where, new Suspect(order, expected.z))
            ?? Comparison.Problem("z", got.z, expected.z, "(n_a, m)", where, new Suspect(order, expected.r))
            ?? Comparison.Problem("hn", got.hn, expected.hn, "(n_a, m)", where,
                new Suspect("hn = Wna a<t-1> + bna: the bias bna is missing", Algebra.Product(GatedCases.Block(p.Waa, 2, nA), aPrev)))
            ?? Comparison.Problem("n", got.n, expected.n, "(n_a, m)", where,
                new Suspect("r multiplies a<t-1> before Wna (Cho et al.'s form); this is PyTorch's: n = tanh(Wnx x + bnx + r ⊙ (Wna a<t-1> + bna))",
                    GruReference.Forward(p, aPrev, x, choReset: true).n),
                new Suspect("the reset gate is missing: n = tanh(Wnx x + bnx + r ⊙ hn)", GruReference.Forward(p, aPrev, x, noReset: true).n))
            ?? Comparison.Problem("a<t>", got.a, expected.a, "(n_a, m)", where,
                new Suspect("z and 1 - z are swapped: a<t> = (1 - z) ⊙ n + z ⊙ a<t-1>", GruReference.Forward(p, aPrev, x, swapUpdate: true).a));
    }

    private static string? BackwardProblem(GruStepGradients got, RecurrentGradients expected, RecurrentParameters p, GruStep step, Matrix aPrev, Matrix x, Matrix da, string where)
    {
        int nA = aPrev.Rows;
        var rows = GatedCases.Rows(Gates, nA);
        var entries = GatedCases.Entries(Gates, nA);
        var noDirect = GruReference.Backward(p, step, aPrev, x, da, noDirect: true);
        var noReset = GruReference.Backward(p, step, aPrev, x, da, noResetBack: true);
        var flipped = GruReference.Backward(p, step, aPrev, x, da, flipUpdate: true);
        const string resetCause = "the recurrent side of n lacks r: n = tanh(... + r ⊙ (Wna a<t-1> + bna)), so dGa's n block is dGn ⊙ r";
        const string flipCause = "the sign through z is flipped: a<t> = n + z ⊙ (a<t-1> - n), so dGz = da ⊙ (a<t-1> - n) ⊙ z(1 - z)";
        return Comparison.Problem("dWax", got.dWax, expected.dWax, "(3 n_a, n_x)", where, rows, new Suspect(flipCause, flipped.dWax))
            ?? Comparison.Problem("dWaa", got.dWaa, expected.dWaa, "(3 n_a, n_a)", where, rows,
                new Suspect(resetCause, noReset.dWaa), new Suspect(flipCause, flipped.dWaa))
            ?? Comparison.Problem("dbax", got.dbax, expected.dBax, "3 n_a", where, entries, new Suspect(flipCause, flipped.dbax))
            ?? Comparison.Problem("dbaa", got.dbaa, expected.dBaa, "3 n_a", where, entries,
                new Suspect(resetCause + " (dbaa = dbax only for r and z)", noReset.dbaa), new Suspect(flipCause, flipped.dbaa))
            ?? Comparison.Problem("da<t-1>", got.daPrev, expected.dA0, "(n_a, m)", where,
                new Suspect("da<t-1> misses the direct path da ⊙ z (a<t> = ... + z ⊙ a<t-1>)", noDirect.daPrev),
                new Suspect(resetCause, noReset.daPrev), new Suspect(flipCause, flipped.daPrev));
    }

    /// <summary>Central differences of L = sum(da ⊙ a&lt;t&gt;), whose gradients are exactly this step's.</summary>
    private static string? GradientCheckProblem(GruStepGradients got, RecurrentParameters p, Matrix aPrev, Matrix x, Matrix da, string where)
    {
        double Loss()
        {
            int nA = aPrev.Rows, m = aPrev.Cols;
            var a = new Matrix(nA, m);
            GruCell.Forward(p, aPrev, x, new Matrix(3 * nA, m), new Matrix(nA, m), a);
            return Algebra.Dot(da, a);                                  // L = sum da ⊙ a<t>
        }
        return FiniteDifferences.Problem("dWax", p.Wax.Data, got.dWax.Data, Loss, where)
            ?? FiniteDifferences.Problem("dWaa", p.Waa.Data, got.dWaa.Data, Loss, where)
            ?? FiniteDifferences.Problem("dbax", p.Bax, got.dbax, Loss, where)
            ?? FiniteDifferences.Problem("dbaa", p.Baa, got.dbaa, Loss, where)
            ?? FiniteDifferences.Problem("da<t-1>", aPrev.Data, got.daPrev.Data, Loss, where);
    }
}
