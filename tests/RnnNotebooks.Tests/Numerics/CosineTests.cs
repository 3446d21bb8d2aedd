using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>The core's cosine over Box-Muller's angles 2π u: within 1 ulp of a double-double reference, and its edges.</summary>
public class CosineTests
{
    [Fact]
    public void Cos_is_within_one_ulp_over_a_turn()
    {
        double worst = 0, worstX = 0;
        for (int i = 0; i <= 100_000; i++)
        {
            double x = 2.0 * Math.PI * i / 100_000;
            decimal exact = ReferenceCos(x);
            if (Math.Abs(exact) < 1e-8m)
            {
                continue; // the decimal reference's 1e-28 is not a tenth of an ulp there: the zeros are checked in Cos_edges
            }
            double magnitude = Math.Abs((double)exact);
            double ulp = Math.BitIncrement(magnitude) - magnitude;
            double error = (double)Math.Abs(Signed(CanonicalMath.Cos(x)) - exact) / ulp; // compared in decimal: (double)decimal is not correctly rounded
            if (error > worst)
            {
                (worst, worstX) = (error, x);
            }
        }
        Assert.True(worst <= 1.0, $"worst error {worst:F2} ulp at x = {worstX:R}: {CanonicalMath.Cos(worstX):R} against {ReferenceCos(worstX):R}, glibc {Math.Cos(worstX):R}");
    }

    [Fact]
    public void Cos_edges()
    {
        Assert.Equal(1.0, CanonicalMath.Cos(0.0));
        Assert.Equal(6.123233995736766e-17, CanonicalMath.Cos(Math.PI / 2), 1e-30);
        Assert.Equal(-1.0, CanonicalMath.Cos(Math.PI));
        Assert.True(double.IsNaN(CanonicalMath.Cos(double.NaN)));
        Assert.True(double.IsNaN(CanonicalMath.Cos(double.PositiveInfinity)));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CanonicalMath.Cos(1e7));
        Assert.Equal("x", error.ParamName);
    }

    /// <summary>cos x as the sum of (-1)^n x^(2n)/(2n)! in decimal (28 digits) after reducing into [-π, π].</summary>
    private static decimal ReferenceCos(double x)
    {
        const decimal TwoPi = 6.2831853071795864769252867666m;
        decimal r = DecimalFromDouble(x);
        if (r > TwoPi / 2)
        {
            r -= TwoPi;
        }
        decimal term = 1m, sum = 1m, r2 = r * r;
        for (int n = 1; n < 40; n++)
        {
            term *= -r2 / ((2 * n - 1) * (2 * n));
            sum += term;
        }
        return sum;
    }

    /// <summary>A double in (-8, 8) as a decimal, sign kept.</summary>
    private static decimal Signed(double x) => x < 0 ? -DecimalFromDouble(-x) : DecimalFromDouble(x);

    /// <summary>A double in [0, 8) as a decimal: its mantissa halved down to its exponent (28 digits).</summary>
    private static decimal DecimalFromDouble(double x)
    {
        if (x == 0)
        {
            return 0m;
        }
        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF) - 1075;
        long mantissa = (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);
        decimal value = mantissa;
        for (; exponent < 0; exponent++)
        {
            value /= 2;
        }
        for (; exponent > 0; exponent--)
        {
            value *= 2;
        }
        return value;
    }
}
