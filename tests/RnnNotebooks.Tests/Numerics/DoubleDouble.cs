namespace RnnNotebooks.Tests;

/// <summary>
/// An unevaluated sum Hi + Lo of two doubles with |Lo| ≤ half an ulp of Hi: about 106 bits, the extended precision of
/// <see cref="ReferenceMath"/>. The usual error-free transformations (TwoSum, TwoProd with a fused multiply-add) and the
/// QD library's add, multiply and divide.
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static implicit operator DoubleDouble(double value) => new(value, 0.0);

    public double Value => Hi + Lo;

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var (s, e) = TwoSum(a.Hi, b.Hi);
        var (t, f) = TwoSum(a.Lo, b.Lo);
        (s, e) = QuickTwoSum(s, e + t);
        var (hi, lo) = QuickTwoSum(s, e + f);
        return new(hi, lo);
    }

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        var (p, e) = TwoProd(a.Hi, b.Hi);
        e += a.Hi * b.Lo + a.Lo * b.Hi;
        var (hi, lo) = QuickTwoSum(p, e);
        return new(hi, lo);
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        double q1 = a.Hi / b.Hi;
        DoubleDouble r = a - q1 * b;
        double q2 = r.Hi / b.Hi;
        r -= q2 * b;
        double q3 = r.Hi / b.Hi;
        var (hi, lo) = QuickTwoSum(q1, q2);
        return new DoubleDouble(hi, lo) + q3;
    }

    /// <summary>This times 2^n, exactly (as long as neither part under- or overflows).</summary>
    public DoubleDouble ScaleB(int n) => new(Math.ScaleB(Hi, n), Math.ScaleB(Lo, n));

    private static (double Sum, double Error) TwoSum(double a, double b)
    {
        double s = a + b, bb = s - a;
        return (s, (a - (s - bb)) + (b - bb));
    }

    private static (double Sum, double Error) QuickTwoSum(double a, double b)
    {
        double s = a + b;
        return (s, b - (s - a));
    }

    private static (double Product, double Error) TwoProd(double a, double b)
    {
        double p = a * b;
        return (p, Math.FusedMultiplyAdd(a, b, -p));
    }
}
