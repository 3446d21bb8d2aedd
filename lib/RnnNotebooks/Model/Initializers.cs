namespace RnnNotebooks;

/// <summary>Seeded random initialisers. The same seed gives the same bits on the same machine.</summary>
public static class Initializers
{
    /// <summary>Fills <paramref name="w"/> (fan_out, fan_in) from U(-r, r), r = sqrt(6 / (fan_in + fan_out)).</summary>
    public static void XavierUniform(Matrix w, Random random)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(random);
        double r = Math.Sqrt(6.0 / Math.Max(1, w.Rows + w.Cols));
        for (int i = 0; i < w.Data.Length; i++)
        {
            w.Data[i] = (2.0 * random.NextDouble() - 1.0) * r;
        }
    }

    /// <summary>Fills <paramref name="w"/> with <paramref name="scale"/> * N(0, 1) samples.</summary>
    public static void Gaussian(Span<double> w, Random random, double scale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = scale * StandardNormal(random);
        }
    }

    /// <summary>
    /// Fills the square matrix <paramref name="w"/> with a random orthogonal matrix (W^T W = I): Gaussian
    /// columns made orthonormal by modified Gram-Schmidt. Every singular value is 1, so a&lt;t&gt; = Waa a&lt;t-1&gt;
    /// neither shrinks nor grows at the start of training.
    /// </summary>
    public static void Orthogonal(Matrix w, Random random)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.Rows != w.Cols)
        {
            throw new ArgumentException($"an orthogonal matrix must be square; w has shape ({w.Rows}, {w.Cols}).", nameof(w));
        }
        int n = w.Rows;
        Gaussian(w.Data, random);
        for (int c = 0; c < n; c++)
        {
            for (int p = 0; p < c; p++)
            {
                double dot = 0;
                for (int r = 0; r < n; r++)
                {
                    dot += w[r, p] * w[r, c];
                }
                for (int r = 0; r < n; r++)
                {
                    w[r, c] -= dot * w[r, p]; // remove the component along column p
                }
            }
            double norm = 0;
            for (int r = 0; r < n; r++)
            {
                norm += w[r, c] * w[r, c];
            }
            norm = Math.Sqrt(norm);
            for (int r = 0; r < n; r++)
            {
                w[r, c] /= norm;
            }
        }
    }

    /// <summary>
    /// One N(0, 1) sample by Marsaglia's polar method: a point (u, v) uniform in the unit disc, s = u² + v², gives
    /// u sqrt(-2 ln s / s). It needs a logarithm and a square root but no cosine, and the logarithm is the core's own
    /// (<see cref="CanonicalMath.Log"/>), so the same seed draws the same bits on every OS.
    /// </summary>
    public static double StandardNormal(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u, v, s;
        do
        {
            u = 2.0 * random.NextDouble() - 1.0;
            v = 2.0 * random.NextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0); // reject points outside the disc, and the centre
        return u * Math.Sqrt(-2.0 * CanonicalMath.Log(s) / s);
    }
}
