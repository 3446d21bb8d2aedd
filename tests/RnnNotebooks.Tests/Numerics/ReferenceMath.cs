namespace RnnNotebooks.Tests;

/// <summary>
/// exp, expm1, log, tanh and sigmoid in double-double arithmetic (about 100 correct bits), as the exact values
/// <see cref="CanonicalMath"/> is measured against, and the error of a double against such a value in ulps. Values that
/// may be subnormal or overflow are returned scaled: the exact value is Mantissa 2^Exponent.
/// </summary>
internal static class ReferenceMath
{
    /// <summary>ln 2 to about 107 bits.</summary>
    private static readonly DoubleDouble Ln2 = new(0.6931471805599453, 2.3190468138462996e-17);

    /// <summary>e^x = Mantissa 2^Exponent, Mantissa in [0.7, 1.42]: x = k ln 2 + r, e^r by expm1 of r / 1024 squared up.</summary>
    public static (DoubleDouble Mantissa, int Exponent) Exp(double x)
    {
        int k = (int)Math.Round(x / 0.6931471805599453);
        return (1.0 + Expm1Reduced((DoubleDouble)x - k * Ln2), k);
    }

    /// <summary>e^x - 1, as a double-double (x in [-60, 60]).</summary>
    public static DoubleDouble Expm1(double x)
    {
        if (Math.Abs(x) < 0.35)
        {
            return Expm1Reduced(x);
        }
        var (m, k) = Exp(x);
        return m.ScaleB(k) - 1.0;
    }

    /// <summary>
    /// log x for finite x &gt; 0: one Newton step on e^y = x from y0 = Math.Log(x) (good to an ulp, so the step leaves
    /// an error of order 1e-32): log x = y0 + log(1 + d) with 1 + d = x e^-y0, and log(1 + d) = d - d²/2.
    /// </summary>
    public static DoubleDouble Log(double x)
    {
        double y0 = Math.Log(x);
        var (m, k) = Exp(-y0);
        DoubleDouble d = Math.ScaleB(x, k) * m - 1.0; // x 2^k is near 1/m: exact
        return (DoubleDouble)y0 + (d - d * d * 0.5);
    }

    /// <summary>tanh x = sign(x) e / (e + 2) with e = expm1(2|x|) (|x| ≤ 30).</summary>
    public static DoubleDouble Tanh(double x)
    {
        DoubleDouble e = Expm1(2 * Math.Abs(x)), t = e / (e + 2.0);
        return x < 0 ? -t : t;
    }

    /// <summary>1 / (1 + e^-x) = Mantissa 2^Exponent (x ≤ 700).</summary>
    public static (DoubleDouble Mantissa, int Exponent) Sigmoid(double x)
    {
        if (x >= 0)
        {
            var (m, k) = Exp(-x);
            return (1.0 / (1.0 + m.ScaleB(k)), 0);
        }
        var (mantissa, exponent) = Exp(x);
        return (mantissa / (1.0 + mantissa.ScaleB(exponent)), exponent);
    }

    /// <summary>
    /// |y - exact| in ulps of the exact value Mantissa 2^Exponent, an ulp being 2^(floor(log2 |exact|) - 52), or
    /// 2^-1074 below 2^-1022 (subnormals). Infinite when y is NaN or infinite and the exact value is not.
    /// </summary>
    public static double UlpError(double y, (DoubleDouble Mantissa, int Exponent) exact)
    {
        var (m, k) = exact;
        if (m.Hi == 0)
        {
            return y == 0 ? 0 : double.PositiveInfinity;
        }
        if (!double.IsFinite(y))
        {
            return double.PositiveInfinity;
        }
        int log2 = Math.ILogB(m.Hi);
        if (Math.Abs(m.Hi) == Math.ScaleB(1.0, log2) && Math.Sign(m.Lo) == -Math.Sign(m.Hi))
        {
            log2--; // just below a power of two
        }
        int ulpExponent = Math.Max(log2 + k - 52, -1074);
        double difference = ((DoubleDouble)Math.ScaleB(y, -k) - m).Value; // y 2^-k is exact: it is near m
        return Math.ScaleB(Math.Abs(difference), k - ulpExponent);
    }

    /// <summary><see cref="UlpError(double, ValueTuple{DoubleDouble, int})"/> against an unscaled exact value.</summary>
    public static double UlpError(double y, DoubleDouble exact) => UlpError(y, (exact, 0));

    /// <summary>1/n! for n = 0..10, to about 106 bits.</summary>
    private static readonly DoubleDouble[] InverseFactorials = Enumerable.Range(0, 11)
        .Select(n => (DoubleDouble)1.0 / Enumerable.Range(1, n).Aggregate((DoubleDouble)1.0, (f, i) => f * i)).ToArray();

    /// <summary>e^r - 1 for |r| ≤ 0.35: Taylor series of u = r / 1024 to u^10, then expm1(2u) = 2 expm1(u) + expm1(u)², ten times.</summary>
    private static DoubleDouble Expm1Reduced(DoubleDouble r)
    {
        if (Math.Abs(r.Hi) < 1e-200)
        {
            return r + r * r * 0.5; // r / 1024 could lose a subnormal's bits
        }
        DoubleDouble u = r.ScaleB(-10), sum = InverseFactorials[10];
        for (int n = 9; n >= 1; n--)
        {
            sum = sum * u + InverseFactorials[n];
        }
        sum *= u;
        for (int i = 0; i < 10; i++)
        {
            sum = sum.ScaleB(1) + sum * sum;
        }
        return sum;
    }
}
