namespace RnnNotebooks;

/// <summary>
/// The per-step losses and their gradient with respect to the logits. Losses are computed from the
/// logits z (log-sum-exp, softplus), so they stay finite where yHat rounds to 0 or 1.
/// </summary>
public static class Losses
{
    /// <summary>The loss that goes with an output activation g2.</summary>
    public static LossKind For(Activation g2) => g2 switch
    {
        Activation.Softmax => LossKind.CrossEntropy,
        Activation.Sigmoid => LossKind.BinaryCrossEntropy,
        Activation.Identity => LossKind.SquaredError,
        _ => throw new ArgumentOutOfRangeException(nameof(g2), g2, $"g2 is {g2}; expected Softmax, Sigmoid or Identity."),
    };

    /// <summary>sum_j w&lt;t&gt;_j L&lt;t&gt;_j for one step.</summary>
    /// <param name="kind">The loss.</param>
    /// <param name="zy">Logits at step t, shape (n_y, m).</param>
    /// <param name="yHat">yHat&lt;t&gt;, shape (n_y, m).</param>
    /// <param name="y">The targets.</param>
    /// <param name="t">1-based time step.</param>
    public static double Step(LossKind kind, Matrix zy, Matrix yHat, SequenceTargets y, int t)
    {
        ArgumentNullException.ThrowIfNull(zy);
        ArgumentNullException.ThrowIfNull(yHat);
        ArgumentNullException.ThrowIfNull(y);
        int nY = zy.Rows, m = zy.Cols;
        double total = 0;
        for (int j = 0; j < m; j++)
        {
            double w = y.Weight(t, j);
            if (w == 0.0)
            {
                continue;
            }
            double l = kind switch
            {
                LossKind.CrossEntropy => CrossEntropy(zy, yHat, j, y.Class(t, j)),
                LossKind.BinaryCrossEntropy => BinaryCrossEntropy(zy, y.DenseStep(t), j),
                LossKind.SquaredError => SquaredError(yHat, y.DenseStep(t), j),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind,
                    $"kind is {kind}; expected CrossEntropy, BinaryCrossEntropy or SquaredError."),
            };
            total += w * l;
        }
        return nY == 0 ? 0.0 : total;
    }

    /// <summary><see cref="Step"/>, refusing a non-finite value with a <see cref="NonFiniteException"/> that names step t.</summary>
    internal static double FiniteStep(LossKind kind, Matrix zy, Matrix yHat, SequenceTargets y, int t)
    {
        double loss = Step(kind, zy, yHat, y, t);
        if (!double.IsFinite(loss))
        {
            throw new NonFiniteException("loss", t,
                $"the loss L<{t}> (time step t={t}) is {loss}: the logits overflowed. Lower the learning rate or clip gradients.");
        }
        return loss;
    }

    /// <summary>
    /// L = sum over t = 1 .. Tx of <see cref="FiniteStep"/>, added in order of t, for every layer that keeps z&lt;t&gt; and
    /// yHat&lt;t&gt; per step (<paramref name="zy"/>[t - 1], <paramref name="yHat"/>[t - 1]); nothing is allocated.
    /// </summary>
    internal static double FiniteSum(LossKind kind, int tx, Matrix[] zy, Matrix[] yHat, SequenceTargets y)
    {
        double total = 0;
        for (int t = 1; t <= tx; t++)
        {
            total += FiniteStep(kind, zy[t - 1], yHat[t - 1], y, t);
        }
        return total;
    }

    /// <summary>dL/dz&lt;t&gt; = w&lt;t&gt;_j (yHat&lt;t&gt; - y&lt;t&gt;) for every sample j, into <paramref name="dz"/> (n_y, m).</summary>
    public static void Gradient(Matrix yHat, SequenceTargets y, int t, Matrix dz)
    {
        ArgumentNullException.ThrowIfNull(yHat);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(dz);
        int nY = yHat.Rows, m = yHat.Cols;
        yHat.Data.AsSpan().CopyTo(dz.Data); // dz = yHat
        if (y.IsClassIndices)
        {
            var classes = y.ClassStep(t);
            for (int j = 0; j < m; j++)
            {
                if (y.Weight(t, j) != 0.0)
                {
                    dz[classes[j], j] -= 1.0; // dz = yHat - onehot(c)
                }
            }
        }
        else
        {
            var target = y.DenseStep(t).Data;
            for (int i = 0; i < dz.Data.Length; i++)
            {
                dz.Data[i] -= target[i]; // dz = yHat - y
            }
        }
        if (y.HasWeights)
        {
            for (int j = 0; j < m; j++)
            {
                double w = y.Weight(t, j);
                for (int i = 0; i < nY; i++)
                {
                    dz[i, j] *= w; // dz = w (yHat - y)
                }
            }
        }
    }

    /// <summary>
    /// -log yHat_c for column j; where yHat_c has underflowed (below 1e-300), the same value as
    /// logsumexp(z) - z_c from the logits, which stays finite.
    /// </summary>
    private static double CrossEntropy(Matrix z, Matrix yHat, int j, int c)
    {
        double p = yHat[c, j];
        if (p > 1e-300)
        {
            return -CanonicalMath.Log(p); // L = -log yHat_c
        }
        return LogSoftmax.LogSumExp(z, j) - z[c, j];
    }

    /// <summary>sum_i max(z, 0) - z y + log(1 + e^-|z|), the stable form of binary cross-entropy, for column j.</summary>
    private static double BinaryCrossEntropy(Matrix z, Matrix y, int j)
    {
        double l = 0;
        for (int i = 0; i < z.Rows; i++)
        {
            double zi = z[i, j];
            l += Math.Max(zi, 0) - zi * y[i, j] + CanonicalMath.Log(1 + CanonicalMath.Exp(-Math.Abs(zi)));
        }
        return l;
    }

    /// <summary>1/2 sum_i (yHat_i - y_i)^2, for column j.</summary>
    private static double SquaredError(Matrix yHat, Matrix y, int j)
    {
        double l = 0;
        for (int i = 0; i < yHat.Rows; i++)
        {
            double d = yHat[i, j] - y[i, j];
            l += 0.5 * d * d;
        }
        return l;
    }
}
