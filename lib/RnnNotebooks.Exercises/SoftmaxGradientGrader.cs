namespace RnnNotebooks.Exercises;

/// <summary>Grades a <see cref="SoftmaxGradientFunction"/> against <see cref="Losses.Gradient"/> and central differences of the cross-entropy.</summary>
internal static class SoftmaxGradientGrader
{
    /// <summary>(n_y, m, seed) of each case.</summary>
    private static readonly (int nY, int m, int Seed)[] Cases = [(3, 2, 1), (5, 4, 2), (4, 3, 3)];

    public static (bool, string) Grade(SoftmaxGradientFunction gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        for (int k = 0; k < Cases.Length; k++)
        {
            var (nY, m, seed) = Cases[k];
            string where = $"case {k + 1} of {Cases.Length}: n_y = {nY}, m = {m}, seed {seed}";
            var random = new Random(seed);
            var z = Algebra.Random(nY, m, random, scale: 2.0);
            var classes = Enumerable.Range(0, m).Select(_ => random.Next(nY)).ToArray();
            var targets = SequenceTargets.ClassIndices([classes]);
            var y = OneHot(nY, classes);
            var yHat = Algebra.Softmax(z);
            var expected = new Matrix(nY, m);
            Losses.Gradient(yHat, targets, 1, expected);
            var got = Attempt.Call(() => gradient(z.Clone(), y.Clone()), where);
            var problem = Comparison.Problem("dz", got, expected, "(n_y, m)", where,
                    new Suspect("softmax is missing: dz = softmax(z) - y, not z - y", Subtract(z, y)),
                    new Suspect("the sign is flipped: dz = yHat - y, not y - yHat", Subtract(y, yHat)),
                    new Suspect("y is not subtracted: dz = yHat - y", yHat))
                ?? FiniteDifferences.Problem("dz", z.Data, got!.Data, () => CrossEntropy(z, targets), where);
            if (problem is not null)
            {
                return (false, problem);
            }
        }
        return (true, $"dz = yHat - y agrees with Losses.Gradient and with central differences of the cross-entropy on {Cases.Length} random cases (m from 2 to 4).");
    }

    private static double CrossEntropy(Matrix z, SequenceTargets targets) =>
        Losses.Step(LossKind.CrossEntropy, z, Algebra.Softmax(z), targets, 1);

    private static Matrix OneHot(int nY, int[] classes)
    {
        var y = new Matrix(nY, classes.Length);
        for (int j = 0; j < classes.Length; j++)
        {
            y[classes[j], j] = 1;
        }
        return y;
    }

    private static Matrix Subtract(Matrix u, Matrix v) => new(u.Rows, u.Cols, u.Data.Zip(v.Data, (p, q) => p - q).ToArray());
}
