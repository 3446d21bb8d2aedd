namespace RnnNotebooks.Exercises;

/// <summary>
/// Grades an LSTM step, forward (<see cref="LstmForwardFunction"/>) against <see cref="LstmCell"/> and backward
/// (<see cref="LstmBackwardFunction"/>) against <see cref="RecurrentLayer.Backward"/> over one step and central differences.
/// </summary>
internal static class LstmStepGrader
{
    private static readonly string[] Gates = ["i", "f", "g", "o"];

    public static (bool, string) Grade(LstmForwardFunction forward, LstmBackwardFunction backward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        var cases = GatedCases.Cases;
        for (int k = 0; k < cases.Length; k++)
        {
            var (p, aPrev, x, da, random, where) = GatedCases.Draw(k, LstmCell.Gates);
            int nA = p.nA;
            var cPrev = Algebra.Random(nA, aPrev.Cols, random, scale: 2.0);
            var dc = Algebra.Random(nA, aPrev.Cols, random);
            var lstm = new Lstm(p);
            var cache = lstm.Forward(SequenceBatch.Dense([x]), aPrev, cPrev);
            var gates = cache.Gates(1);
            var step = new LstmStep(GatedCases.Block(gates, 0, nA), GatedCases.Block(gates, 1, nA), GatedCases.Block(gates, 2, nA),
                GatedCases.Block(gates, 3, nA), cache.C(1), cache.A(1));
            var gotStep = Attempt.Call(() => forward(p.Wax.Clone(), p.Waa.Clone(), (double[])p.Bax.Clone(), (double[])p.Baa.Clone(),
                aPrev.Clone(), cPrev.Clone(), x.Clone()), where);
            if (ForwardProblem(gotStep, step, p, aPrev, cPrev, x, where) is { } forwardProblem)
            {
                return (false, forwardProblem);
            }
            var expected = lstm.Backward(cache, null, new BackwardOptions { dALast = da, dCLast = dc });
            var copy = step with { i = step.i.Clone(), f = step.f.Clone(), g = step.g.Clone(), o = step.o.Clone(), c = step.c.Clone(), a = step.a.Clone() };
            var got = Attempt.Call(() => backward(da.Clone(), dc.Clone(), copy, aPrev.Clone(), cPrev.Clone(), x.Clone(), p.Waa.Clone()), where);
            if (got is null)
            {
                return (false, $"the backward function returned null; expected new LstmStepGradients(dWax, dWaa, dbax, dbaa, daPrev, dcPrev) ({where}).");
            }
            if ((BackwardProblem(got, expected, p, step, aPrev, cPrev, x, da, dc, where) ?? GradientCheckProblem(got, p, aPrev, cPrev, x, da, dc, where)) is { } problem)
            {
                return (false, problem);
            }
        }
        return (true, $"i, f, g, o, c<t> and a<t> agree with LstmCell.Forward, and dWax, dWaa, dbax, dbaa, da<t-1> and dc<t-1> with Lstm.Backward and with central differences, on {cases.Length} random cases (n_a from 2 to 5, m from 2 to 5).");
    }

    private static string? ForwardProblem(LstmStep? got, LstmStep expected, RecurrentParameters p, Matrix aPrev, Matrix cPrev, Matrix x, string where)
    {
        if (got is null)
        {
            return $"the forward function returned null; expected new LstmStep(i, f, g, o, c, a) ({where}).";
        }
        const string order = "the gate blocks are out of order: PyTorch's Wax = [Wix; Wfx; Wgx; Wox], rows 0 .. n_a - 1 are i's, then f's, g's, o's";
        return Comparison.Problem("i", got.i, expected.i, "(n_a, m)", where, new Suspect(order, expected.f))
            ?? Comparison.Problem("f", got.f, expected.f, "(n_a, m)", where, new Suspect(order, expected.i))
            ?? Comparison.Problem("g", got.g, expected.g, "(n_a, m)", where,
                new Suspect("g is a sigmoid; the candidate is g = tanh(Wgx x + bgx + Wga a<t-1> + bga)", LstmReference.Forward(p, aPrev, cPrev, x, sigmoidG: true).g))
            ?? Comparison.Problem("o", got.o, expected.o, "(n_a, m)", where)
            ?? Comparison.Problem("c<t>", got.c, expected.c, "(n_a, m)", where,
                new Suspect("the old cell state is missing: c<t> = f ⊙ c<t-1> + i ⊙ g", Algebra.Hadamard(expected.i, expected.g)),
                new Suspect("f and i are swapped: c<t> = f ⊙ c<t-1> + i ⊙ g", Algebra.Add(Algebra.Hadamard(expected.i, cPrev), Algebra.Hadamard(expected.f, expected.g))))
            ?? Comparison.Problem("a<t>", got.a, expected.a, "(n_a, m)", where,
                new Suspect("tanh is missing: a<t> = o ⊙ tanh(c<t>)", Algebra.Hadamard(expected.o, expected.c)));
    }

    private static string? BackwardProblem(LstmStepGradients got, RecurrentGradients expected, RecurrentParameters p, LstmStep step, Matrix aPrev, Matrix cPrev,
        Matrix x, Matrix da, Matrix dc, string where)
    {
        int nA = aPrev.Rows;
        var rows = GatedCases.Rows(Gates, nA);
        var entries = GatedCases.Entries(Gates, nA);
        LstmStepGradients Wrong(bool noCarry = false, bool noTanhSlope = false, bool noForget = false, bool oWithC = false) =>
            LstmReference.Backward(p, step, aPrev, cPrev, x, da, dc, noCarry, noTanhSlope, noForget, oWithC);
        var (noCarry, noSlope, noForget, oWithC) = (Wrong(noCarry: true), Wrong(noTanhSlope: true), Wrong(noForget: true), Wrong(oWithC: true));
        const string carry = "the dc from step t + 1 is left out: dc<t> = dc + da ⊙ o ⊙ (1 - tanh²(c<t>))";
        const string slope = "tanh' is missing on the way from a<t> to c<t>: dc<t> = dc + da ⊙ o ⊙ (1 - tanh²(c<t>))";
        const string output = "dGo used c<t>, not tanh(c<t>): a<t> = o ⊙ tanh(c<t>)";
        Suspect[] Suspects(Func<LstmStepGradients, Matrix> of) =>
            [new(carry, of(noCarry)), new(slope, of(noSlope)), new(output, of(oWithC))];
        Suspect[] BiasSuspects(Func<LstmStepGradients, double[]> of) =>
            [new(carry, of(noCarry)), new(slope, of(noSlope)), new(output, of(oWithC))];
        return Comparison.Problem("dWax", got.dWax, expected.dWax, "(4 n_a, n_x)", where, rows, Suspects(g => g.dWax))
            ?? Comparison.Problem("dWaa", got.dWaa, expected.dWaa, "(4 n_a, n_a)", where, rows, Suspects(g => g.dWaa))
            ?? Comparison.Problem("dbax", got.dbax, expected.dBax, "4 n_a", where, entries, BiasSuspects(g => g.dbax))
            ?? Comparison.Problem("dbaa", got.dbaa, expected.dBaa, "4 n_a", where, entries,
                [.. BiasSuspects(g => g.dbaa), new("dbaa is zero: baa adds to the same pre-activations as bax, so dbaa = dbax", new double[expected.dBaa.Length])])
            ?? Comparison.Problem("da<t-1>", got.daPrev, expected.dA0, "(n_a, m)", where, Suspects(g => g.daPrev))
            ?? Comparison.Problem("dc<t-1>", got.dcPrev, expected.dC0!, "(n_a, m)", where,
                [new("the forget gate is missing: c<t> = f ⊙ c<t-1> + ..., so dc<t-1> = dc<t> ⊙ f", noForget.dcPrev), .. Suspects(g => g.dcPrev)]);
    }

    /// <summary>Central differences of L = sum(da ⊙ a&lt;t&gt;) + sum(dc ⊙ c&lt;t&gt;), whose gradients are exactly this step's.</summary>
    private static string? GradientCheckProblem(LstmStepGradients got, RecurrentParameters p, Matrix aPrev, Matrix cPrev, Matrix x, Matrix da, Matrix dc, string where)
    {
        double Loss()
        {
            int nA = aPrev.Rows, m = aPrev.Cols;
            var (c, a) = (new Matrix(nA, m), new Matrix(nA, m));
            LstmCell.Forward(p, aPrev, cPrev, x, new Matrix(4 * nA, m), new Matrix(nA, m), c, a);
            return Algebra.Dot(da, a) + Algebra.Dot(dc, c);            // L = sum da ⊙ a<t> + sum dc ⊙ c<t>
        }
        return FiniteDifferences.Problem("dWax", p.Wax.Data, got.dWax.Data, Loss, where)
            ?? FiniteDifferences.Problem("dWaa", p.Waa.Data, got.dWaa.Data, Loss, where)
            ?? FiniteDifferences.Problem("dbax", p.Bax, got.dbax, Loss, where)
            ?? FiniteDifferences.Problem("dbaa", p.Baa, got.dbaa, Loss, where)
            ?? FiniteDifferences.Problem("da<t-1>", aPrev.Data, got.daPrev.Data, Loss, where)
            ?? FiniteDifferences.Problem("dc<t-1>", cPrev.Data, got.dcPrev.Data, Loss, where);
    }
}
