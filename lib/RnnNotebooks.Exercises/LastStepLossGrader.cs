namespace RnnNotebooks.Exercises;

/// <summary>
/// Grades a <see cref="LastStepLossFunction"/> against <see cref="Losses.Step"/> and <see cref="Losses.Gradient"/> with
/// the weights of <see cref="SequenceTargets.LastStepOnly"/> divided by m, and against central differences of L.
/// </summary>
internal static class LastStepLossGrader
{
    /// <summary>(Tx, m, seed) of each case; every case has a sentence of length Tx and shorter ones.</summary>
    private static readonly (int Tx, int m, int Seed)[] Cases = [(4, 3, 1), (5, 5, 2), (3, 7, 3)];

    public static (bool, string) Grade(LastStepLossFunction loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        for (int k = 0; k < Cases.Length; k++)
        {
            var (tx, m, seed) = Cases[k];
            var random = new Random(seed);
            var lengths = Enumerable.Range(0, m).Select(j => j == 0 ? tx : 1 + random.Next(tx - 1)).ToArray();
            var y = Enumerable.Range(0, m).Select(_ => random.Next(2)).ToArray();
            var z = Enumerable.Range(0, tx).Select(_ => Algebra.Random(1, m, random, scale: 3.0)).ToArray();
            string where = $"case {k + 1} of {Cases.Length}: Tx = {tx}, m = {m}, lengths [{string.Join(", ", lengths)}], labels [{string.Join(", ", y)}], seed {seed}";
            var expected = Library(z, y, SequenceTargets.LastStepOnly(lengths, tx), 1.0 / m);
            var got = Attempt.Call(() => loss(z.Select(zt => zt.Clone()).ToArray(), (int[])y.Clone(), (int[])lengths.Clone()), where);
            if (got is null)
            {
                return (false, $"the function returned null; expected new LastStepLoss(L, dz) ({where}).");
            }
            if ((Problem(got, expected, z, y, lengths, where) ?? GradientCheckProblem(got, z, y, lengths, where)) is { } problem)
            {
                return (false, problem);
            }
        }
        return (true, $"L and dz<1> .. dz<Tx> agree with the library's masked loss and its gradient, and with central differences, on {Cases.Length} random padded batches (m from 3 to 7).");
    }

    private static string? Problem(LastStepLoss got, LastStepLoss expected, Matrix[] z, int[] y, int[] lengths, string where)
    {
        int tx = z.Length, m = y.Length;
        var last = SequenceTargets.LastStepOnly(lengths, tx);
        var noMean = Library(z, y, last, 1.0);
        var padded = Library(z, y, SequenceTargets.LastStepOnly(Enumerable.Repeat(tx, m).ToArray(), tx), 1.0 / m);
        var everyStep = Library(z, y, SequenceTargets.Mask(lengths, tx), 1.0 / m);
        var flipped = expected.dz.Select(d => Algebra.Map(d, v => -v)).ToArray();
        var unmasked = Library(z, y, SequenceTargets.Mask(Enumerable.Repeat(tx, m).ToArray(), tx), 1.0 / m);
        const string mean = "the weight 1/m is missing: L is the mean over the batch";
        const string ends = "every sentence was scored at t = Tx, the padding: score sentence j at its own last step T_j";
        const string each = "every real step was scored: only t = T_j counts, weight 0 elsewhere";
        return Comparison.Problem("L", got.L, expected.L, where, (mean, noMean.L), (ends, padded.L), (each, everyStep.L))
            ?? Comparison.Steps("dz", got.dz, expected.dz, "(1, m)", where, (mean, noMean.dz), (ends, padded.dz), (each, everyStep.dz),
                ("the sign is flipped: dz = w (σ(z) - y), not w (y - σ(z))", flipped), ("the weights are missing: dz<t> = w<t> (σ(z<t>) - y), 0 where w<t> = 0", unmasked.dz));
    }

    /// <summary>L and dz from the library with weights <paramref name="weights"/> times <paramref name="scale"/>.</summary>
    private static LastStepLoss Library(Matrix[] z, int[] y, double[][] weights, double scale)
    {
        int tx = z.Length, m = y.Length;
        var labels = Enumerable.Range(0, tx).Select(_ => new Matrix(1, m, y.Select(v => (double)v).ToArray())).ToArray();
        var targets = SequenceTargets.Dense(labels, weights.Select(step => step.Select(w => w * scale).ToArray()).ToArray());
        double total = 0;
        var dz = new Matrix[tx];
        for (int t = 1; t <= tx; t++)
        {
            var yHat = z[t - 1].Clone();
            Activations.Apply(Activation.Sigmoid, yHat.Data, 1, m);                              // yHat<t> = σ(z<t>)
            total += Losses.Step(LossKind.BinaryCrossEntropy, z[t - 1], yHat, targets, t);      // sum_j w<t>_j L<t>_j
            dz[t - 1] = new Matrix(1, m);
            Losses.Gradient(yHat, targets, t, dz[t - 1]);                                       // w<t> (yHat<t> - y)
        }
        return new LastStepLoss(total, dz);
    }

    private static string? GradientCheckProblem(LastStepLoss got, Matrix[] z, int[] y, int[] lengths, string where)
    {
        var last = SequenceTargets.LastStepOnly(lengths, z.Length);
        double Loss() => Library(z, y, last, 1.0 / y.Length).L;
        for (int t = 1; t <= z.Length; t++)
        {
            if (FiniteDifferences.Problem($"dz<{t}>", z[t - 1].Data, got.dz[t - 1].Data, Loss, where) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }
}
