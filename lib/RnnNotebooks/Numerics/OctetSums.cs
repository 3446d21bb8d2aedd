using System.Runtime.CompilerServices;

namespace RnnNotebooks;

/// <summary>
/// The vector part of the canonical reductions (<see cref="Reductions"/>): eight partial sums, partial l holding the
/// terms whose index is l mod 8, each accumulated in index order (fused multiply-add for products). One 512-bit vector,
/// two 256-bit, four 128-bit or eight scalars hold the same eight partials, so every width adds the same numbers in the
/// same order.
/// </summary>
/// <typeparam name="TLanes">The vector type's operations (<see cref="Lanes512"/>, <see cref="LanesVector"/>, <see cref="LanesScalar"/>).</typeparam>
/// <typeparam name="TVec">The vector type itself.</typeparam>
internal static class OctetSums<TLanes, TVec>
    where TLanes : struct, ILanes<TVec>
    where TVec : struct
{
    /// <summary>Vectors of this type in one octet of 8 doubles: 1, 2, 4 or 8.</summary>
    private static int PerOctet => Reductions.Partials / TLanes.Count;

    /// <summary>True when 8 is a whole number of this type's vectors.</summary>
    public static bool Fits => TLanes.Count is 1 or 2 or 4 or 8;

    /// <summary>p[l] = sum over o &lt; <paramref name="octets"/> of x[8o + l] y[8o + l], fused, in order of o; p has 8 elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot(ref double x, ref double y, int octets, Span<double> p)
    {
        int v = PerOctet;
        TVec s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
        for (int o = 0; o < octets; o++)
        {
            int at = o * v; // the octet's first vector
            s0 = TLanes.MulAdd(TLanes.Load(ref x, at), TLanes.Load(ref y, at), s0); // s_l += x_i y_i, i = l mod 8
            if (v > 1) { s1 = TLanes.MulAdd(TLanes.Load(ref x, at + 1), TLanes.Load(ref y, at + 1), s1); }
            if (v > 2) { s2 = TLanes.MulAdd(TLanes.Load(ref x, at + 2), TLanes.Load(ref y, at + 2), s2); s3 = TLanes.MulAdd(TLanes.Load(ref x, at + 3), TLanes.Load(ref y, at + 3), s3); }
            if (v > 4)
            {
                s4 = TLanes.MulAdd(TLanes.Load(ref x, at + 4), TLanes.Load(ref y, at + 4), s4); s5 = TLanes.MulAdd(TLanes.Load(ref x, at + 5), TLanes.Load(ref y, at + 5), s5);
                s6 = TLanes.MulAdd(TLanes.Load(ref x, at + 6), TLanes.Load(ref y, at + 6), s6); s7 = TLanes.MulAdd(TLanes.Load(ref x, at + 7), TLanes.Load(ref y, at + 7), s7);
            }
        }
        StoreOctet(p, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    /// <summary>p[l] = sum over o of x[8o + l], in order of o; p has 8 elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sum(ref double x, int octets, Span<double> p)
    {
        int v = PerOctet;
        TVec s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
        for (int o = 0; o < octets; o++)
        {
            int at = o * v;
            s0 = TLanes.Add(TLanes.Load(ref x, at), s0); // s_l += x_i, i = l mod 8
            if (v > 1) { s1 = TLanes.Add(TLanes.Load(ref x, at + 1), s1); }
            if (v > 2) { s2 = TLanes.Add(TLanes.Load(ref x, at + 2), s2); s3 = TLanes.Add(TLanes.Load(ref x, at + 3), s3); }
            if (v > 4)
            {
                s4 = TLanes.Add(TLanes.Load(ref x, at + 4), s4); s5 = TLanes.Add(TLanes.Load(ref x, at + 5), s5);
                s6 = TLanes.Add(TLanes.Load(ref x, at + 6), s6); s7 = TLanes.Add(TLanes.Load(ref x, at + 7), s7);
            }
        }
        StoreOctet(p, s0, s1, s2, s3, s4, s5, s6, s7);
    }

    /// <summary>
    /// c_i += A[i, :] · b for the r rows of A (r, k), row-major, k ≥ 8: each dot product in the canonical order, the
    /// same bits as <see cref="Dot"/> followed by the tail and the <see cref="OctetTree"/>. Four rows at a time share
    /// each load of b and keep four independent chains in flight (the last group repeats its last row rather than
    /// leaving a row to a slower path); when 8 divides k the tree is combined in registers. Only for vector types of
    /// 2 or more lanes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddRowDots(ref double A, ref double b, Span<double> c, int r, int k)
    {
        int v = PerOctet, octets = k / Reductions.Partials;
        bool tail = octets * Reductions.Partials < k;
        Span<double> p = stackalloc double[Reductions.Partials];
        for (int i = 0; i < r; i += 4)
        {
            ref double a0 = ref Unsafe.Add(ref A, i * k);
            ref double a1 = ref Unsafe.Add(ref A, Math.Min(i + 1, r - 1) * k);
            ref double a2 = ref Unsafe.Add(ref A, Math.Min(i + 2, r - 1) * k);
            ref double a3 = ref Unsafe.Add(ref A, Math.Min(i + 3, r - 1) * k);
            TVec s00 = default, s01 = default, s02 = default, s03 = default, s10 = default, s11 = default, s12 = default, s13 = default;
            TVec s20 = default, s21 = default, s22 = default, s23 = default, s30 = default, s31 = default, s32 = default, s33 = default;
            for (int o = 0; o < octets; o++)
            {
                int at = o * v;
                TVec b0 = TLanes.Load(ref b, at); // s_jl += A[i + j, q] b_q, q = l mod 8
                s00 = TLanes.MulAdd(TLanes.Load(ref a0, at), b0, s00); s10 = TLanes.MulAdd(TLanes.Load(ref a1, at), b0, s10);
                s20 = TLanes.MulAdd(TLanes.Load(ref a2, at), b0, s20); s30 = TLanes.MulAdd(TLanes.Load(ref a3, at), b0, s30);
                if (v > 1)
                {
                    TVec b1 = TLanes.Load(ref b, at + 1);
                    s01 = TLanes.MulAdd(TLanes.Load(ref a0, at + 1), b1, s01); s11 = TLanes.MulAdd(TLanes.Load(ref a1, at + 1), b1, s11);
                    s21 = TLanes.MulAdd(TLanes.Load(ref a2, at + 1), b1, s21); s31 = TLanes.MulAdd(TLanes.Load(ref a3, at + 1), b1, s31);
                }
                if (v > 2)
                {
                    TVec b2 = TLanes.Load(ref b, at + 2), b3 = TLanes.Load(ref b, at + 3);
                    s02 = TLanes.MulAdd(TLanes.Load(ref a0, at + 2), b2, s02); s12 = TLanes.MulAdd(TLanes.Load(ref a1, at + 2), b2, s12);
                    s22 = TLanes.MulAdd(TLanes.Load(ref a2, at + 2), b2, s22); s32 = TLanes.MulAdd(TLanes.Load(ref a3, at + 2), b2, s32);
                    s03 = TLanes.MulAdd(TLanes.Load(ref a0, at + 3), b3, s03); s13 = TLanes.MulAdd(TLanes.Load(ref a1, at + 3), b3, s13);
                    s23 = TLanes.MulAdd(TLanes.Load(ref a2, at + 3), b3, s23); s33 = TLanes.MulAdd(TLanes.Load(ref a3, at + 3), b3, s33);
                }
            }
            int rows = Math.Min(4, r - i);
            c[i] += Finish(s00, s01, s02, s03, ref a0, ref b, octets, k, tail, p); // c_i += A[i, :] · b
            if (rows > 1) { c[i + 1] += Finish(s10, s11, s12, s13, ref a1, ref b, octets, k, tail, p); }
            if (rows > 2) { c[i + 2] += Finish(s20, s21, s22, s23, ref a2, ref b, octets, k, tail, p); }
            if (rows > 3) { c[i + 3] += Finish(s30, s31, s32, s33, ref a3, ref b, octets, k, tail, p); }
        }
    }

    /// <summary>One row's dot product from its octet partials: the tail terms (k mod 8 of them) fused into the partials of their index, then the tree.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Finish(TVec s0, TVec s1, TVec s2, TVec s3, ref double a, ref double b, int octets, int k, bool tail, Span<double> p)
    {
        if (!tail)
        {
            return TLanes.Combine(s0, s1, s2, s3, default, default, default, default);
        }
        StoreOctet(p, s0, s1, s2, s3, default, default, default, default);
        ref double p0 = ref p[0];
        for (int q = octets * Reductions.Partials; q < k; q++)
        {
            ref double partial = ref Unsafe.Add(ref p0, q % Reductions.Partials);
            partial = Math.FusedMultiplyAdd(Unsafe.Add(ref a, q), Unsafe.Add(ref b, q), partial); // p_l += a_q b_q, one rounding
        }
        return OctetTree.Of(p);
    }

    /// <summary>Writes an octet's vectors to p[0..8) in lane order: vector u's lanes are partials u w .. u w + w - 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreOctet(Span<double> p, TVec s0, TVec s1, TVec s2, TVec s3, TVec s4, TVec s5, TVec s6, TVec s7)
    {
        int v = PerOctet;
        ref double p0 = ref p[0];
        TLanes.Store(s0, ref p0, 0);
        if (v > 1) { TLanes.Store(s1, ref p0, 1); }
        if (v > 2) { TLanes.Store(s2, ref p0, 2); TLanes.Store(s3, ref p0, 3); }
        if (v > 4) { TLanes.Store(s4, ref p0, 4); TLanes.Store(s5, ref p0, 5); TLanes.Store(s6, ref p0, 6); TLanes.Store(s7, ref p0, 7); }
    }
}
