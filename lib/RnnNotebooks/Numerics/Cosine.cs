namespace RnnNotebooks;

/// <summary>
/// cos x for the arguments the core draws (Box-Muller's 2π u, u in [0, 1)), in scalar IEEE operations only, so the
/// same bits on every OS (the C library's cos differs between glibc, MSVC and Apple in the last bit).
/// </summary>
internal static class Cosine
{
    /// <summary>π/2 rounded to a double.</summary>
    private const double HalfPiHigh = 1.5707963267948966;

    /// <summary>π/2 minus <see cref="HalfPiHigh"/>.</summary>
    private const double HalfPiLow = 6.123233995736766e-17;

    /// <summary>The largest |x| reduced accurately by the two-part π/2 (k below 2^20).</summary>
    public const double Limit = 1e6;

    /// <summary>
    /// cos x for |x| ≤ <see cref="Limit"/>: k = round(x / (π/2)), r = x - k π/2 with a two-part π/2 (|r| ≤ π/4), then
    /// cos x = cos r, -sin r, -cos r or sin r by k mod 4, each a Taylor polynomial in r² evaluated with fused
    /// multiply-adds. Within about 1 ulp of the exact value; NaN for NaN and infinities.
    /// </summary>
    public static double Cos(double x)
    {
        if (!double.IsFinite(x))
        {
            return double.NaN;
        }
        if (Math.Abs(x) > Limit)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"Cos is accurate for |x| <= {Limit}; the core only takes the cosine of angles in [0, 2π).");
        }
        double k = Math.Round(x / HalfPiHigh, MidpointRounding.ToEven);
        double r = Math.FusedMultiplyAdd(-k, HalfPiHigh, x); // x - k π/2 (high part), exact for these k
        double tail = -k * HalfPiLow;                        // r + tail is x - k π/2 to about 2^-100: kept apart,
        return ((long)k & 3) switch                          // since rounding r + tail would cost up to 1 ulp
        {
            0 => CosPolynomial(r, tail),
            1 => -SinPolynomial(r, tail),
            2 => -CosPolynomial(r, tail),
            _ => SinPolynomial(r, tail),
        };
    }

    /// <summary>sin(r + tail) = r - r³/3! + r⁵/5! - ... (terms to r¹⁹, |r| ≤ π/4) + tail cos r, tail tiny.</summary>
    private static double SinPolynomial(double r, double tail)
    {
        double z = r * r;
        double p = -1.0 / 121645100408832000.0;           // -1/19!
        p = Math.FusedMultiplyAdd(p, z, 1.0 / 355687428096000.0);  // 1/17!
        p = Math.FusedMultiplyAdd(p, z, -1.0 / 1307674368000.0);   // -1/15!
        p = Math.FusedMultiplyAdd(p, z, 1.0 / 6227020800.0);       // 1/13!
        p = Math.FusedMultiplyAdd(p, z, -1.0 / 39916800.0);        // -1/11!
        p = Math.FusedMultiplyAdd(p, z, 1.0 / 362880.0);           // 1/9!
        p = Math.FusedMultiplyAdd(p, z, -1.0 / 5040.0);            // -1/7!
        p = Math.FusedMultiplyAdd(p, z, 1.0 / 120.0);              // 1/5!
        p = Math.FusedMultiplyAdd(p, z, -1.0 / 6.0);               // -1/3!
        double correction = Math.FusedMultiplyAdd(r * z, p, tail * Math.FusedMultiplyAdd(-0.5, z, 1.0)); // r³ p(r²) + tail (1 - r²/2)
        return r + correction;
    }

    /// <summary>
    /// cos(r + tail) = 1 - r²/2 + r⁴ q(r²) - tail r (terms to r²⁰, |r| ≤ π/4, tail tiny), with 1 - r²/2 formed as
    /// w = 1 - z/2 plus the rounding errors of z = r² and of w, recovered exactly, so only the last addition rounds.
    /// </summary>
    private static double CosPolynomial(double r, double tail)
    {
        double z = r * r;
        double zError = Math.FusedMultiplyAdd(r, r, -z);             // r² - z, exact
        double q = 1.0 / 2432902008176640000.0;                      // 1/20!
        q = Math.FusedMultiplyAdd(q, z, -1.0 / 6402373705728000.0);  // -1/18!
        q = Math.FusedMultiplyAdd(q, z, 1.0 / 20922789888000.0);     // 1/16!
        q = Math.FusedMultiplyAdd(q, z, -1.0 / 87178291200.0);       // -1/14!
        q = Math.FusedMultiplyAdd(q, z, 1.0 / 479001600.0);          // 1/12!
        q = Math.FusedMultiplyAdd(q, z, -1.0 / 3628800.0);           // -1/10!
        q = Math.FusedMultiplyAdd(q, z, 1.0 / 40320.0);              // 1/8!
        q = Math.FusedMultiplyAdd(q, z, -1.0 / 720.0);               // -1/6!
        q = Math.FusedMultiplyAdd(q, z, 1.0 / 24.0);                 // 1/4!
        double half = 0.5 * z;
        double w = 1.0 - half;                                       // 1 - z/2, rounded
        double small = Math.FusedMultiplyAdd(z * z, q, Math.FusedMultiplyAdd(-0.5, zError, -r * tail)); // r⁴ q - (r² - z)/2 - r tail
        return w + (((1.0 - w) - half) + small);                     // (1 - w) - z/2 is w's rounding error, exactly
    }
}
