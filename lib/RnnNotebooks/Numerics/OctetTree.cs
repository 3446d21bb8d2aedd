using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnNotebooks;

/// <summary>
/// The fixed tree that combines the eight partial sums p0 .. p7 of a canonical reduction (<see cref="Reductions"/>):
/// ((p0 + p4) + (p2 + p6)) + ((p1 + p5) + (p3 + p7)). It is how a 512-bit vector of partials halves into 256 bits
/// (p_l + p_{l+4}) and then 128 bits, so each width computes it in its own registers: one overload per way the
/// partials are held, all giving the same bits.
/// </summary>
internal static class OctetTree
{
    /// <summary>The tree over eight scalars.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double p0, double p1, double p2, double p3, double p4, double p5, double p6, double p7) =>
        ((p0 + p4) + (p2 + p6)) + ((p1 + p5) + (p3 + p7));

    /// <summary>The tree over p[0 .. 8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(ReadOnlySpan<double> p) => Of(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);

    /// <summary>The tree over one 512-bit vector (p0 .. p7): its halves added, then as 256 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(Vector512<double> p) => Of(p.GetLower(), p.GetUpper());

    /// <summary>The tree over two 256-bit vectors (p0 .. p3) and (p4 .. p7): (p0 + p4, .., p3 + p7), then its halves added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(Vector256<double> low, Vector256<double> high)
    {
        var h = low + high;                        // (p0 + p4, p1 + p5, p2 + p6, p3 + p7)
        var q = h.GetLower() + h.GetUpper();       // ((p0 + p4) + (p2 + p6), (p1 + p5) + (p3 + p7))
        return q.ToScalar() + q.GetElement(1);
    }

    /// <summary>The tree over four 128-bit vectors (p0, p1), (p2, p3), (p4, p5), (p6, p7).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(Vector128<double> p01, Vector128<double> p23, Vector128<double> p45, Vector128<double> p67)
    {
        var q = (p01 + p45) + (p23 + p67);         // ((p0 + p4) + (p2 + p6), (p1 + p5) + (p3 + p7))
        return q.ToScalar() + q.GetElement(1);
    }
}
