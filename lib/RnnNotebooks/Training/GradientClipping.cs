using System.Numerics.Tensors;

namespace RnnNotebooks;

/// <summary>Gradient clipping: the usual cure for exploding gradients in BPTT.</summary>
public static class GradientClipping
{
    /// <summary>sqrt(sum over every gradient of g²).</summary>
    public static double GlobalNorm(IReadOnlyList<ParameterView> gradients)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        double sumOfSquares = 0;
        foreach (var g in gradients)
        {
            sumOfSquares += Reductions.SumOfSquares(g.Values); // in the canonical order: the same bits on every CPU
        }
        return Math.Sqrt(sumOfSquares);
    }

    /// <summary>Clamps every gradient value into [-maxValue, maxValue] (min-char-rnn clips at 5).</summary>
    /// <returns>How many values were clamped.</returns>
    public static int ByValue(IReadOnlyList<ParameterView> gradients, double maxValue)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        if (!(maxValue > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "the clipping value must be > 0.");
        }
        int clamped = 0;
        foreach (var g in gradients)
        {
            var values = g.Values;
            for (int i = 0; i < values.Length; i++)
            {
                double v = values[i];
                if (v > maxValue || v < -maxValue)
                {
                    values[i] = Math.Clamp(v, -maxValue, maxValue);
                    clamped++;
                }
            }
        }
        return clamped;
    }

    /// <summary>If the global norm exceeds <paramref name="maxNorm"/>, scales every gradient by maxNorm / norm.</summary>
    /// <returns>The global norm before clipping.</returns>
    public static double ByGlobalNorm(IReadOnlyList<ParameterView> gradients, double maxNorm)
    {
        if (!(maxNorm > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "the maximum norm must be > 0.");
        }
        double norm = GlobalNorm(gradients);
        if (norm > maxNorm)
        {
            double scale = maxNorm / norm; // g = g * maxNorm / ||g||
            foreach (var g in gradients)
            {
                TensorPrimitives.Multiply(g.Values, scale, g.Values);
            }
        }
        return norm;
    }
}
