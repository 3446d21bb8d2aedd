using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Octets512 = RnnNotebooks.OctetSums<RnnNotebooks.Lanes512, System.Runtime.Intrinsics.Vector512<double>>;
using OctetsScalar = RnnNotebooks.OctetSums<RnnNotebooks.LanesScalar, double>;
using OctetsVector = RnnNotebooks.OctetSums<RnnNotebooks.LanesVector, System.Numerics.Vector<double>>;

namespace RnnNotebooks;

/// <summary>
/// Sums and dot products in one canonical order, the same bits on every CPU (see Numerics/README.md):
/// <list type="number">
/// <item>eight partial sums: partial l takes the terms whose index i has i mod 8 = l, in increasing i, products added
/// with one fused multiply-add each (x_i y_i + p_l rounded once);</item>
/// <item>the eight combined in one fixed tree: ((p0 + p4) + (p2 + p6)) + ((p1 + p5) + (p3 + p7)), which is how a
/// 512-bit vector halves into 256 and then 128 bits.</item>
/// </list>
/// One 512-bit vector, two 256-bit vectors, four 128-bit vectors or eight scalars hold the partials, so AVX-512, AVX2,
/// ARM64 NEON and the scalar path compute the same numbers in the same order. (TensorPrimitives.Sum and Dot add in an
/// order that depends on the CPU's vector width, so the core does not use them.)
/// </summary>
public static class Reductions
{
    /// <summary>The number of partial sums: 8, one 512-bit vector of doubles.</summary>
    public const int Partials = 8;

    /// <summary>Which vector type the partials are held in on this CPU: the widest it accelerates (scalars where fused multiply-add would be emulated).</summary>
    internal static ReductionLanes Lanes { get; set; } =
        Vector512.IsHardwareAccelerated ? ReductionLanes.Avx512
        : Vector.IsHardwareAccelerated && OctetsVector.Fits && Hardware.HasFusedMultiplyAdd ? ReductionLanes.Vector
        : ReductionLanes.Scalar;

    /// <summary>x · y = sum_i x_i y_i in the canonical order.</summary>
    /// <param name="x">The first vector.</param>
    /// <param name="y">The second vector, as long as <paramref name="x"/>.</param>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} elements and y has {y.Length}; a dot product needs equal lengths.", nameof(y));
        }
        Span<double> p = stackalloc double[Partials];
        DotPartials(x, y, p);
        return OctetTree.Of(p);
    }

    /// <summary>sum_i x_i in the canonical order.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        Span<double> p = stackalloc double[Partials];
        int octets = x.Length / Partials;
        if (octets > 0)
        {
            ref double x0 = ref Unsafe.AsRef(in x[0]);
            switch (Lanes)
            {
                case ReductionLanes.Avx512: Octets512.Sum(ref x0, octets, p); break;
                case ReductionLanes.Vector: OctetsVector.Sum(ref x0, octets, p); break;
                default: OctetsScalar.Sum(ref x0, octets, p); break;
            }
        }
        else
        {
            p.Clear();
        }
        for (int i = octets * Partials; i < x.Length; i++)
        {
            p[i % Partials] += x[i]; // the tail joins the partial of its index
        }
        return OctetTree.Of(p);
    }

    /// <summary>sum_i x_i² in the canonical order (the dot product of x with itself).</summary>
    public static double SumOfSquares(ReadOnlySpan<double> x) => Dot(x, x);

    /// <summary>c_i += A[i, :] · b for each of the r rows of A (r, k), row-major: the product A b for one column b.</summary>
    internal static void AddRowDots(ReadOnlySpan<double> A, ReadOnlySpan<double> b, Span<double> c, int r, int k)
    {
        if (Lanes == ReductionLanes.Scalar || k < Partials)
        {
            for (int i = 0; i < r; i++)
            {
                c[i] += Dot(A.Slice(i * k, k), b[..k]); // c_i += A[i, :] . b
            }
            return;
        }
        if (A.Length < r * k || b.Length < k || c.Length < r)
        {
            throw new ArgumentException($"A b needs A of at least {r} x {k} = {r * k}, b of {k} and c of {r} numbers; got {A.Length}, {b.Length} and {c.Length}.");
        }
        ref double a0 = ref MemoryMarshal.GetReference(A);
        ref double b0 = ref MemoryMarshal.GetReference(b);
        if (Lanes == ReductionLanes.Avx512)
        {
            Octets512.AddRowDots(ref a0, ref b0, c, r, k);
        }
        else
        {
            OctetsVector.AddRowDots(ref a0, ref b0, c, r, k);
        }
    }

    /// <summary>The eight partials of x · y, tail included.</summary>
    private static void DotPartials(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> p)
    {
        int octets = x.Length / Partials;
        if (octets > 0)
        {
            ref double x0 = ref Unsafe.AsRef(in x[0]);
            ref double y0 = ref Unsafe.AsRef(in y[0]);
            switch (Lanes)
            {
                case ReductionLanes.Avx512: Octets512.Dot(ref x0, ref y0, octets, p); break;
                case ReductionLanes.Vector: OctetsVector.Dot(ref x0, ref y0, octets, p); break;
                default: OctetsScalar.Dot(ref x0, ref y0, octets, p); break;
            }
        }
        else
        {
            p.Clear();
        }
        AddTail(x, y, octets * Partials, p);
    }

    /// <summary>The terms from index <paramref name="from"/> on, each fused into the partial of its index.</summary>
    private static void AddTail(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int from, Span<double> p)
    {
        for (int i = from; i < x.Length; i++)
        {
            p[i % Partials] = Math.FusedMultiplyAdd(x[i], y[i], p[i % Partials]); // p_l += x_i y_i, one rounding
        }
    }
}
