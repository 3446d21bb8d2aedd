using System.Runtime.CompilerServices;

namespace RnnNotebooks;

/// <summary>
/// The core's element-wise functions, written once over <see cref="ISimd{TVec}"/>: a 512-, 256- or 128-bit vector
/// and the scalar <see cref="SimdScalar"/> run the same IEEE operations in the same order on every lane, so a value
/// comes out with the same bits whatever the width, the instruction set or the operating system. Nothing here calls
/// the C library (Math.Exp and friends) or relies on the JIT to fuse a multiply and an add: every fused multiply-add is
/// written as one. Special values (NaN, ±Inf, ±0) are put back with selects at the end, so every lane follows one path.
/// </summary>
internal static class ElementwiseKernels
{
    /// <summary>log2(e) rounded to a double.</summary>
    private const double Log2E = 1.4426950408889634;

    /// <summary>The high part of ln 2 (fdlibm): its last 21 bits are zero, so k ln2Hi is exact for |k| &lt; 2^21.</summary>
    private const double Ln2Hi = 6.93147180369123816490e-01;

    /// <summary>ln 2 - <see cref="Ln2Hi"/>, rounded (fdlibm).</summary>
    private const double Ln2Lo = 1.90821492927058770002e-10;

    /// <summary>1.5 2^52: adding it to |v| &lt; 2^51 rounds v to an integer (ties to even); subtracting it gives that integer.</summary>
    private const double RoundMagic = 6755399441055744.0;

    /// <summary>2^52 + 1023: added to an integer k, the low 11 bits of the sum are k + 1023, the biased exponent of 2^k.</summary>
    private const double ExponentMagic = 4503599627370496.0 + 1023.0;

    /// <summary>2^52: a double whose bits, or-ed with an integer n &lt; 2^52, read as 2^52 + n.</summary>
    private const double TwoTo52 = 4503599627370496.0;

    /// <summary>The smallest normal double, 2^-1022.</summary>
    private const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>2^54, the factor that makes a subnormal normal in <see cref="Log{TSimd, TVec}"/>.</summary>
    private const double TwoTo54 = 18014398509481984.0;

    /// <summary>sqrt(2) rounded up to a double: mantissas m ≥ this are halved, so m ends in [sqrt(2)/2, sqrt(2)).</summary>
    private const double Sqrt2 = 1.4142135623730951;

    /// <summary>exp(x) rounds to 0 below this (e^-746 &lt; 2^-1075); clamping there keeps 2^k in range.</summary>
    private const double ExpLowest = -746.0;

    /// <summary>exp(x) overflows above this (e^710 &gt; 2^1024); clamping there keeps 2^k in range.</summary>
    private const double ExpHighest = 710.0;

    /// <summary>expm1(x) rounds to -1 below this (e^-50 is far below half an ulp of 1).</summary>
    private const double Expm1Lowest = -50.0;

    /// <summary>tanh(x) rounds to ±1 beyond this (1 - tanh(20) ≈ 8.5e-18, below half an ulp of 1).</summary>
    private const double TanhSaturation = 20.0;

    /// <summary>
    /// e^x, within 1 ulp (Numerics/README.md has the measured figures): k = round(x / ln 2), r = x - k ln 2 in two parts,
    /// e^r = 1 + r + (r² Taylor series) kept as two doubles, rounded once as it is scaled by 2^k1, then times 2^k2
    /// (k1 + k2 = k), so that subnormal results round once more and overflow gives +Inf. e^-Inf = 0, e^+Inf = +Inf,
    /// NaN gives the same NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Exp<TSimd, TVec>(TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        TVec xc = ClampAbove<TSimd, TVec>(ClampBelow<TSimd, TVec>(x, ExpLowest), ExpHighest);
        TVec s1 = ExpParts<TSimd, TVec>(xc, out TVec hi, out TVec lo, out TVec s2);
        TVec y = TSimd.Multiply(TSimd.FusedMultiplyAdd(s1, lo, TSimd.Multiply(s1, hi)), s2);
        return TSimd.ConditionalSelect(TSimd.Equals(x, x), y, x);
    }

    /// <summary>
    /// e^x - 1, within 1 ulp and exact near 0 (expm1(1e-300) = 1e-300, expm1(-0) = -0): the reduction of
    /// <see cref="Exp{TSimd, TVec}"/>, then 2^k (r + rest) + (2^k - 1), the large terms 2^k r + 2^k - 1 added first
    /// without error, so the cancellation for |x| around ln 2 (where 2^k e^r and 1 nearly cancel) costs no accuracy. Gives -1 for x ≤ -50 and -Inf.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Expm1<TSimd, TVec>(TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        TVec y = Expm1Parts<TSimd, TVec>(x, out _);
        y = TSimd.ConditionalSelect(TSimd.Equals(x, TSimd.Create(0.0)), x, y); // keeps the sign of -0
        return TSimd.ConditionalSelect(TSimd.Equals(x, x), y, x);
    }

    /// <summary>
    /// tanh(x) = e / (e + 2) with e = expm1(2|x|) as two doubles (<see cref="Expm1OfDoubled{TSimd, TVec}"/>), the
    /// division corrected by its remainder so that it rounds about once; the sign of x copied on; ±1 for |x| &gt; 20.
    /// tanh(±0) = ±0, tanh(±Inf) = ±1, NaN gives the same NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Tanh<TSimd, TVec>(TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        TVec ax = TSimd.Abs(x);
        TVec two = TSimd.Create(2.0);
        TVec eHi = Expm1OfDoubled<TSimd, TVec>(TSimd.Add(ax, ax), out TVec eLo);
        TVec dHi = TSimd.Add(eHi, two);
        TVec back = TSimd.Subtract(dHi, eHi); // TwoSum: e + 2 = dHi + dLo exactly
        TVec dLo = TSimd.Add(
            TSimd.Add(TSimd.Subtract(eHi, TSimd.Subtract(dHi, back)), TSimd.Subtract(two, back)),
            eLo);
        TVec t = Divide<TSimd, TVec>(eHi, eLo, dHi, dLo);
        t = TSimd.ConditionalSelect(TSimd.GreaterThan(ax, TSimd.Create(TanhSaturation)), TSimd.Create(1.0), t);
        TVec y = TSimd.Or(t, TSimd.And(x, TSimd.Create(-0.0))); // t ≥ 0: or-ing the sign bit of x copies it
        return TSimd.ConditionalSelect(TSimd.Equals(x, x), y, x);
    }

    /// <summary>
    /// The logistic function 1 / (1 + e^-x): with e = e^-|x| ≤ 1 as two doubles, 1 / (1 + e) for x ≥ 0 and
    /// e / (1 + e) for x &lt; 0, the division corrected by its remainder so that it rounds about once. No exponential
    /// overflows, and sigmoid(-740) is the tiny number it should be. σ(0) = 0.5, σ(-Inf) = 0, σ(+Inf) = 1, NaN gives
    /// the same NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Sigmoid<TSimd, TVec>(TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        TVec zero = TSimd.Create(0.0);
        TVec one = TSimd.Create(1.0);
        TVec negative = TSimd.Or(x, TSimd.Create(-0.0)); // -|x|: the sign bit set (-0 for 0, which e^ takes as 0)
        TVec s1 = ExpParts<TSimd, TVec>(ClampBelow<TSimd, TVec>(negative, ExpLowest), out TVec hi, out TVec lo, out TVec s2); // -|x| ≤ 0: no clamp above
        TVec scaled = TSimd.Multiply(s1, hi);
        TVec u = TSimd.FusedMultiplyAdd(s1, lo, scaled);
        TVec eHi = TSimd.Multiply(u, s2);
        TVec eLo = TSimd.Multiply(TSimd.FusedMultiplyAdd(s1, lo, TSimd.Subtract(scaled, u)), s2);
        TVec dHi = TSimd.Add(one, eHi);
        TVec dLo = TSimd.Add(TSimd.Subtract(eHi, TSimd.Subtract(dHi, one)), eLo); // e ≤ 1: Fast2Sum
        TVec positive = TSimd.GreaterThanOrEqual(x, zero);
        TVec y = Divide<TSimd, TVec>(
            TSimd.ConditionalSelect(positive, one, eHi), TSimd.ConditionalSelect(positive, zero, eLo), dHi, dLo);
        return TSimd.ConditionalSelect(TSimd.Equals(x, x), y, x);
    }

    /// <summary>
    /// The natural logarithm, fdlibm's way: x = 2^e m with m in [sqrt(2)/2, sqrt(2)), f = m - 1, s = f / (2 + f),
    /// log(1 + f) = f - f²/2 + s (f²/2 + R(s²)) with R the Taylor series of 2 atanh(s)/s - 2, and e ln 2 added in two
    /// parts. Subnormals are scaled by 2^54 first. log(±0) = -Inf, log(x &lt; 0) = NaN, log(+Inf) = +Inf, NaN gives
    /// the same NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Log<TSimd, TVec>(TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        TVec zero = TSimd.Create(0.0);
        TVec subnormal = TSimd.LessThan(x, TSimd.Create(SmallestNormal));
        TVec xs = TSimd.ConditionalSelect(subnormal, TSimd.Multiply(x, TSimd.Create(TwoTo54)), x);
        TVec biased = TSimd.Or(TSimd.ShiftRightBits(xs, 52), TSimd.Create(TwoTo52)); // 2^52 + biased exponent
        TVec e = TSimd.Subtract(biased, TSimd.Create(ExponentMagic));
        e = TSimd.Subtract(e, TSimd.ConditionalSelect(subnormal, TSimd.Create(54.0), zero));
        TVec m = TSimd.Or(
            TSimd.And(xs, TSimd.Create(BitConverter.Int64BitsToDouble(0x000F_FFFF_FFFF_FFFFL))),
            TSimd.Create(1.0)); // the mantissa, in [1, 2)
        TVec high = TSimd.GreaterThanOrEqual(m, TSimd.Create(Sqrt2));
        m = TSimd.ConditionalSelect(high, TSimd.Multiply(m, TSimd.Create(0.5)), m);
        e = TSimd.Add(e, TSimd.ConditionalSelect(high, TSimd.Create(1.0), zero));

        TVec f = TSimd.Subtract(m, TSimd.Create(1.0));
        TVec s = TSimd.Divide(f, TSimd.Add(TSimd.Create(2.0), f));
        TVec z = TSimd.Multiply(s, s);
        // 2/3 + 2/5 z + ... + 2/23 z^10: |s| ≤ 0.1716, so the first term left out, 2/25 z^11, is below 2^-64.
        TVec R = TSimd.FusedMultiplyAdd(TSimd.Create(2.0 / 23), z, TSimd.Create(2.0 / 21));
        R = TSimd.FusedMultiplyAdd(R, z, TSimd.Create(2.0 / 19));
        R = TSimd.FusedMultiplyAdd(R, z, TSimd.Create(2.0 / 17));
        R = TSimd.FusedMultiplyAdd(R, z, TSimd.Create(2.0 / 15));
        R = TSimd.FusedMultiplyAdd(R, z, TSimd.Create(2.0 / 13));
        R = TSimd.FusedMultiplyAdd(R, z, TSimd.Create(2.0 / 11));
        R = TSimd.FusedMultiplyAdd(R, z, TSimd.Create(2.0 / 9));
        R = TSimd.FusedMultiplyAdd(R, z, TSimd.Create(2.0 / 7));
        R = TSimd.FusedMultiplyAdd(R, z, TSimd.Create(2.0 / 5));
        R = TSimd.FusedMultiplyAdd(R, z, TSimd.Create(2.0 / 3));
        R = TSimd.Multiply(R, z);
        TVec hfsq = TSimd.Multiply(TSimd.Multiply(TSimd.Create(0.5), f), f);
        TVec inner = TSimd.FusedMultiplyAdd(s, TSimd.Add(hfsq, R), TSimd.Multiply(e, TSimd.Create(Ln2Lo)));
        TVec y = TSimd.Subtract(
            TSimd.Multiply(e, TSimd.Create(Ln2Hi)),
            TSimd.Subtract(TSimd.Subtract(hfsq, inner), f)); // e ln2Hi - ((hfsq - (s (hfsq + R) + e ln2Lo)) - f)

        y = TSimd.ConditionalSelect(TSimd.Equals(x, TSimd.Create(double.PositiveInfinity)), x, y);
        y = TSimd.ConditionalSelect(TSimd.Equals(x, zero), TSimd.Create(double.NegativeInfinity), y);
        y = TSimd.ConditionalSelect(TSimd.LessThan(x, zero), TSimd.Create(double.NaN), y);
        return TSimd.ConditionalSelect(TSimd.Equals(x, x), y, x);
    }

    /// <summary>
    /// e^x = (hi + lo) s1 s2 for x in [-746, 710] (the caller clamps; NaN kept): hi + lo = e^r = 1 + r + tail to about
    /// 2^-60, s1 = 2^k1 and the returned s2 = 2^k2 with k1 + k2 = k and both in [-538, 512], so (hi + lo) s1 is normal.
    /// Returns s1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec ExpParts<TSimd, TVec>(TVec xc, out TVec hi, out TVec lo, out TVec s2) where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        TVec k = Reduce<TSimd, TVec>(xc, out TVec r, out TVec tail);
        TVec one = TSimd.Create(1.0);
        hi = TSimd.Add(one, r);
        lo = TSimd.Add(TSimd.Subtract(r, TSimd.Subtract(hi, one)), tail); // |r| < 1: Fast2Sum, then the tail
        TVec k1 = Round<TSimd, TVec>(TSimd.Multiply(k, TSimd.Create(0.5)));
        s2 = Pow2<TSimd, TVec>(TSimd.Subtract(k, k1));
        return Pow2<TSimd, TVec>(k1);
    }

    /// <summary>
    /// e^x - 1 = hi + <paramref name="lo"/> (x clamped to [-50, 710], NaN kept; lo is meaningful for x ≤ 700). In units
    /// of 2^k1: e^x - 1 = r + tail + 1 - 2^-k. For k ≤ 53, 1 - 2^-k is exact and joins r first (Fast2Sum, as
    /// |1 - 2^-k| ≥ |r| or is 0); beyond, 2^-k is below an ulp of 1 and joins the tail instead (capped at 2^-1000,
    /// where it no longer matters). Returns hi, e^x - 1 rounded about once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Expm1Parts<TSimd, TVec>(TVec x, out TVec lo) where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        TVec xc = ClampAbove<TSimd, TVec>(ClampBelow<TSimd, TVec>(x, Expm1Lowest), ExpHighest);
        TVec k = Reduce<TSimd, TVec>(xc, out TVec r, out TVec tail);
        TVec k1 = Round<TSimd, TVec>(TSimd.Multiply(k, TSimd.Create(0.5)));
        TVec k2 = TSimd.Subtract(k, k1);
        TVec s1 = Pow2<TSimd, TVec>(k1);
        TVec s2 = Pow2<TSimd, TVec>(k2);
        TVec zero = TSimd.Create(0.0);
        TVec large = TSimd.GreaterThan(k, TSimd.Create(53.5));
        TVec kCapped = TSimd.ConditionalSelect(TSimd.GreaterThan(k, TSimd.Create(1000.0)), TSimd.Create(1000.0), k);
        TVec minusOneLow = TSimd.ConditionalSelect(large, Pow2<TSimd, TVec>(TSimd.Subtract(zero, kCapped)), zero);
        TVec minusOneHigh = TSimd.ConditionalSelect(large, zero, Pow2<TSimd, TVec>(TSimd.Subtract(zero, k2)));
        TVec addend = TSimd.Subtract(s1, minusOneHigh); // 2^k1 (1 - 2^-k), exact for k ≤ 53
        TVec rs = TSimd.Multiply(s1, r);
        TVec a = TSimd.Add(addend, rs);
        TVec aLo = TSimd.Subtract(rs, TSimd.Subtract(a, addend));
        TVec c = TSimd.FusedMultiplyAdd(s1, TSimd.Subtract(tail, minusOneLow), aLo);
        TVec hi = TSimd.Add(a, c);
        lo = TSimd.Multiply(TSimd.Subtract(c, TSimd.Subtract(hi, a)), s2); // |c| ≤ |a|: Fast2Sum
        return TSimd.Multiply(hi, s2);
    }

    /// <summary>
    /// e^y - 1 = hi + <paramref name="lo"/> for tanh's y = 2|x|, with the bits of <see cref="Expm1Parts{TSimd, TVec}"/>
    /// wherever tanh uses them (y ≤ 40, so k ≤ 58): the same sums in units of 1 instead of 2^k2, scaled by 2^k alone.
    /// Scaling by a power of two is exact while nothing overflows or turns subnormal, and below 2^59 nothing does, so
    /// every sum rounds as it does there, 2^k2 times larger, and the last multiplication by 2^k2 is not needed. That
    /// spares the clamps (y ≥ 0; lanes beyond 40 or NaN compute garbage that tanh replaces), the cap on k, the split of
    /// k and its second power of two. Returns hi.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Expm1OfDoubled<TSimd, TVec>(TVec y, out TVec lo) where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        TVec k = Reduce<TSimd, TVec>(y, out TVec r, out TVec tail);
        TVec s = Pow2<TSimd, TVec>(k);
        TVec zero = TSimd.Create(0.0);
        TVec large = TSimd.GreaterThan(k, TSimd.Create(53.5));
        TVec minusOneLow = TSimd.ConditionalSelect(large, Pow2<TSimd, TVec>(TSimd.Subtract(zero, k)), zero);
        TVec minusOneHigh = TSimd.ConditionalSelect(large, zero, TSimd.Create(1.0));
        TVec addend = TSimd.Subtract(s, minusOneHigh); // 2^k - 1, exact for k ≤ 53
        TVec rs = TSimd.Multiply(s, r);
        TVec a = TSimd.Add(addend, rs);
        TVec aLo = TSimd.Subtract(rs, TSimd.Subtract(a, addend));
        TVec c = TSimd.FusedMultiplyAdd(s, TSimd.Subtract(tail, minusOneLow), aLo);
        TVec hi = TSimd.Add(a, c);
        lo = TSimd.Subtract(c, TSimd.Subtract(hi, a)); // |c| ≤ |a|: Fast2Sum
        return hi;
    }

    /// <summary>x, or <paramref name="lowest"/> where x is below it (NaN kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec ClampBelow<TSimd, TVec>(TVec x, double lowest) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        TSimd.ConditionalSelect(TSimd.LessThan(x, TSimd.Create(lowest)), TSimd.Create(lowest), x);

    /// <summary>x, or <paramref name="highest"/> where x is above it (NaN kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec ClampAbove<TSimd, TVec>(TVec x, double highest) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        TSimd.ConditionalSelect(TSimd.GreaterThan(x, TSimd.Create(highest)), TSimd.Create(highest), x);

    /// <summary>
    /// (nHi + nLo) / (dHi + dLo) for dHi ≥ 1: q = nHi / dHi, then q plus the remainder nHi + nLo - q (dHi + dLo)
    /// (the first part exact by a fused multiply-add) over dHi, so that the quotient is about correctly rounded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Divide<TSimd, TVec>(TVec nHi, TVec nLo, TVec dHi, TVec dLo) where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        TVec q = TSimd.Divide(nHi, dHi);
        TVec remainder = TSimd.FusedMultiplyAdd(
            TSimd.Subtract(TSimd.Create(0.0), q), dLo,
            TSimd.Add(TSimd.FusedMultiplyAdd(TSimd.Subtract(TSimd.Create(0.0), q), dHi, nHi), nLo));
        return TSimd.Add(q, TSimd.Divide(remainder, dHi));
    }

    /// <summary>
    /// The reduction x = k ln 2 + r + rLo for finite |x| ≤ 746: returns k = round(x / ln 2) (as a double), sets
    /// <paramref name="r"/> (|r| ≤ 0.3466) and <paramref name="tail"/> = e^(r + rLo) - 1 - r: r² (1/2 + r/6 + ... +
    /// r^12/14!) plus rLo (1 + r), the part of x - k ln 2 that r, rounded, leaves out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Reduce<TSimd, TVec>(TVec x, out TVec r, out TVec tail) where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        TVec k = TSimd.Subtract(TSimd.FusedMultiplyAdd(x, TSimd.Create(Log2E), TSimd.Create(RoundMagic)), TSimd.Create(RoundMagic));
        TVec rHi = TSimd.FusedMultiplyAdd(k, TSimd.Create(-Ln2Hi), x); // exact: k ln2Hi is exact and near x
        r = TSimd.FusedMultiplyAdd(k, TSimd.Create(-Ln2Lo), rHi);
        TVec rLo = TSimd.FusedMultiplyAdd(k, TSimd.Create(-Ln2Lo), TSimd.Subtract(rHi, r));

        // q(r) = sum over j = 0..12 of r^j / (j + 2)!, by Horner; the first term left out, r^15/15!, is below 2^-63.
        TVec q = TSimd.FusedMultiplyAdd(TSimd.Create(1.0 / 87178291200.0), r, TSimd.Create(1.0 / 6227020800.0));
        q = TSimd.FusedMultiplyAdd(q, r, TSimd.Create(1.0 / 479001600.0));
        q = TSimd.FusedMultiplyAdd(q, r, TSimd.Create(1.0 / 39916800.0));
        q = TSimd.FusedMultiplyAdd(q, r, TSimd.Create(1.0 / 3628800.0));
        q = TSimd.FusedMultiplyAdd(q, r, TSimd.Create(1.0 / 362880.0));
        q = TSimd.FusedMultiplyAdd(q, r, TSimd.Create(1.0 / 40320.0));
        q = TSimd.FusedMultiplyAdd(q, r, TSimd.Create(1.0 / 5040.0));
        q = TSimd.FusedMultiplyAdd(q, r, TSimd.Create(1.0 / 720.0));
        q = TSimd.FusedMultiplyAdd(q, r, TSimd.Create(1.0 / 120.0));
        q = TSimd.FusedMultiplyAdd(q, r, TSimd.Create(1.0 / 24.0));
        q = TSimd.FusedMultiplyAdd(q, r, TSimd.Create(1.0 / 6.0));
        q = TSimd.FusedMultiplyAdd(q, r, TSimd.Create(0.5));
        tail = TSimd.FusedMultiplyAdd(TSimd.Multiply(r, r), q, TSimd.FusedMultiplyAdd(rLo, r, rLo));
        return k;
    }

    /// <summary>v rounded to an integer, ties to even, for |v| &lt; 2^51.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Round<TSimd, TVec>(TVec v) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        TSimd.Subtract(TSimd.Add(v, TSimd.Create(RoundMagic)), TSimd.Create(RoundMagic));

    /// <summary>2^k for an integer k in [-1022, 1023], built from its bits: (k + 1023) &lt;&lt; 52.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Pow2<TSimd, TVec>(TVec k) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        TSimd.ShiftLeftBits(TSimd.Add(k, TSimd.Create(ExponentMagic)), 52);
}
