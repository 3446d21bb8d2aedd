namespace RnnNotebooks.Exercises;

/// <summary>Grades a <see cref="BpttStepFunction"/> against <see cref="RecurrentLayer.Backward"/> over one step and central differences.</summary>
internal static class BpttStepGrader
{
    public static (bool, string) Grade(BpttStepFunction backward)
    {
        ArgumentNullException.ThrowIfNull(backward);
        var cases = CellStepGrader.Cases;
        for (int k = 0; k < cases.Length; k++)
        {
            var (nA, nX, m, seed) = cases[k];
            string where = $"case {k + 1} of {cases.Length}: n_a = {nA}, n_x = {nX}, m = {m}, seed {seed}";
            var random = new Random(seed);
            var p = CellStepGrader.RandomParameters(nA, nX, random);
            var aPrev = Algebra.Random(nA, m, random);
            var x = Algebra.Random(nX, m, random);
            var da = Algebra.Random(nA, m, random);
            var rnn = new Rnn(p);
            var cache = rnn.Forward(SequenceBatch.Dense([x]), aPrev);
            var a = cache.A(1);
            var expected = rnn.Backward(cache, null, new BackwardOptions { dALast = da });
            var got = Attempt.Call(() => backward(da.Clone(), a.Clone(), aPrev.Clone(), x.Clone(), p.Waa.Clone()), where);
            if (got is null)
            {
                return (false, $"the function returned null; expected new StepGradients(dz, dWaa, dWax, dba, daPrev) ({where}).");
            }
            if ((Problem(got, expected, p, a, aPrev, x, da, where) ?? GradientCheckProblem(got, p, aPrev, x, da, where)) is { } problem)
            {
                return (false, problem);
            }
        }
        return (true, $"dz, dWaa, dWax, dba and da<t-1> agree with Rnn.Backward and with central differences on {cases.Length} random cases (m from 2 to 5).");
    }

    private static string? Problem(StepGradients got, RecurrentGradients expected, RecurrentParameters p, Matrix a, Matrix aPrev, Matrix x, Matrix da, string where)
    {
        var slope = Algebra.Map(a, v => 1 - v * v);        // tanh'(z) = 1 - a²
        var dz = Algebra.Hadamard(da, slope);                // dz = da ⊙ (1 - a²)
        var noSlope = new Suspect("the tanh slope g1'(z) = 1 - a² is missing: dz = da ⊙ (1 - a²)", da);
        var wrongSlope = new Suspect("the slope is 1 - a, not 1 - a²", Algebra.Hadamard(da, Algebra.Map(a, v => 1 - v)));
        return Comparison.Problem("dz", got.dz, dz, "(n_a, m)", where, noSlope, wrongSlope)
            ?? Comparison.Problem("dWaa", got.dWaa, expected.dWaa, "(n_a, n_a)", where,
                new Suspect("dWaa = a<t-1> dzᵀ; it is dz a<t-1>ᵀ", Algebra.Product(aPrev, dz.Transpose())),
                new Suspect("dWaa used da, not dz: the tanh slope 1 - a² is missing", Algebra.Product(da, aPrev.Transpose())))
            ?? Comparison.Problem("dWax", got.dWax, expected.dWax, "(n_a, n_x)", where,
                new Suspect("dWax used da, not dz: the tanh slope 1 - a² is missing", Algebra.Product(da, x.Transpose())))
            ?? Comparison.Problem("dba", got.dba, expected.dBa, "n_a", where,
                new Suspect("dba is not summed over the m columns of the batch", dz))
            ?? Comparison.Problem("da<t-1>", got.daPrev, expected.dA0, "(n_a, m)", where,
                new Suspect("Waa is not transposed: da<t-1> = Waaᵀ dz", Algebra.Product(p.Waa, dz)),
                new Suspect("da<t-1> used da, not dz: the tanh slope 1 - a² is missing", Algebra.Product(p.Waa.Transpose(), da)));
    }

    /// <summary>Central differences of L = sum(da ⊙ tanh(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba)), whose gradients are exactly this step's.</summary>
    private static string? GradientCheckProblem(StepGradients got, RecurrentParameters p, Matrix aPrev, Matrix x, Matrix da, string where)
    {
        double Loss()
        {
            var a = new Matrix(aPrev.Rows, aPrev.Cols);
            RnnCell.Step(p, Activation.Tanh, aPrev, x, a);
            return a.Data.Zip(da.Data, (u, v) => u * v).Sum(); // L = sum da ⊙ a<t>
        }
        return FiniteDifferences.Problem("dWaa", p.Waa.Data, got.dWaa.Data, Loss, where)
            ?? FiniteDifferences.Problem("dWax", p.Wax.Data, got.dWax.Data, Loss, where)
            ?? FiniteDifferences.Problem("dba", p.Ba, got.dba, Loss, where)
            ?? FiniteDifferences.Problem("da<t-1>", aPrev.Data, got.daPrev.Data, Loss, where);
    }
}
