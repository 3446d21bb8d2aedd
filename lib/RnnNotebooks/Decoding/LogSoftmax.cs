namespace RnnNotebooks;

/// <summary>log yHat from the logits z, stably: log softmax(z)_i = z_i - max(z) - log sum_k exp(z_k - max(z)).</summary>
public static class LogSoftmax
{
    /// <summary>log softmax of column <paramref name="j"/> of the logits (n_y, m).</summary>
    public static double[] OfColumn(Matrix logits, int j = 0)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var result = new double[logits.Rows];
        OfColumn(logits, j, result);
        return result;
    }

    /// <summary>log softmax of column <paramref name="j"/> of the logits (n_y, m) into <paramref name="result"/> (n_y values): allocates nothing.</summary>
    public static void OfColumn(Matrix logits, int j, Span<double> result)
    {
        ArgumentNullException.ThrowIfNull(logits);
        Guard.Length(result, logits.Rows, nameof(result), "n_y");
        double logSum = LogSumExp(logits, j);
        for (int i = 0; i < logits.Rows; i++)
        {
            result[i] = logits[i, j] - logSum; // log yHat_i = z_i - log sum_k exp(z_k)
        }
    }

    /// <summary>log sum_k exp(z_k) over column <paramref name="j"/> of <paramref name="z"/>, shifted by the column's max so it stays finite.</summary>
    public static double LogSumExp(Matrix z, int j)
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < z.Rows; i++)
        {
            max = Math.Max(max, z[i, j]);
        }
        double sum = 0;
        for (int i = 0; i < z.Rows; i++)
        {
            sum += CanonicalMath.Exp(z[i, j] - max);
        }
        return max + CanonicalMath.Log(sum);
    }
}
