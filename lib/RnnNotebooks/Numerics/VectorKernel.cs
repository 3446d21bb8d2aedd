using System.Numerics;
using System.Runtime.CompilerServices;

namespace RnnNotebooks;

/// <summary>
/// The portable inner kernel of <see cref="Blas.MulAdd(Matrix, Matrix, Matrix)"/> for CPUs without AVX-512
/// (AVX2 laptops, Apple and other ARM64 machines): C(r, n) += A(r, k) B(k, n) with
/// <see cref="Vector{T}"/> (4 doubles on AVX2, 2 on NEON). A 4 x 3-vector tile of C stays in twelve
/// registers while the k loop issues 12 fused multiply-adds per step; 16 vector registers are enough.
/// </summary>
internal static class VectorKernel
{
    private static readonly int W = Vector<double>.Count;

    /// <summary>True when <see cref="Vector{T}"/> is hardware accelerated.</summary>
    public static bool IsSupported => Vector.IsHardwareAccelerated;

    /// <summary>C += A B with A (r, k), B (k, n), C (r, n), contiguous row-major spans.</summary>
    public static void MulAdd(ReadOnlySpan<double> A, ReadOnlySpan<double> B, Span<double> C, int r, int k, int n)
    {
        ref double a = ref Unsafe.AsRef(in A[0]);
        ref double b = ref Unsafe.AsRef(in B[0]);
        ref double c = ref C[0];
        int j = 0;
        for (; j + 3 * W <= n; j += 3 * W)
        {
            int i = 0;
            for (; i + 4 <= r; i += 4)
            {
                Block4x3(ref Unsafe.Add(ref a, i * k), k, ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, i * n + j), n, k);
            }
            for (; i < r; i++)
            {
                Row(ref Unsafe.Add(ref a, i * k), ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, i * n + j), k, 3);
            }
        }
        for (; j + W <= n; j += W)
        {
            for (int i = 0; i < r; i++)
            {
                Row(ref Unsafe.Add(ref a, i * k), ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, i * n + j), k, 1);
            }
        }
        ScalarColumns.MulAdd(ref a, k, ref b, ref c, r, k, j, n);
    }

    /// <summary>A 4-row x 3-vector tile: C[0..4, 0..3W] += A[0..4, :] B[:, 0..3W].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block4x3(ref double a, int lda, ref double b, int ldb, ref double c, int ldc, int k)
    {
        int w = W;
        ref double c1 = ref Unsafe.Add(ref c, ldc);
        ref double c2 = ref Unsafe.Add(ref c, 2 * ldc);
        ref double c3 = ref Unsafe.Add(ref c, 3 * ldc);
        var c00 = Vector.LoadUnsafe(ref c); var c01 = Vector.LoadUnsafe(ref c, (nuint)w); var c02 = Vector.LoadUnsafe(ref c, (nuint)(2 * w));
        var c10 = Vector.LoadUnsafe(ref c1); var c11 = Vector.LoadUnsafe(ref c1, (nuint)w); var c12 = Vector.LoadUnsafe(ref c1, (nuint)(2 * w));
        var c20 = Vector.LoadUnsafe(ref c2); var c21 = Vector.LoadUnsafe(ref c2, (nuint)w); var c22 = Vector.LoadUnsafe(ref c2, (nuint)(2 * w));
        var c30 = Vector.LoadUnsafe(ref c3); var c31 = Vector.LoadUnsafe(ref c3, (nuint)w); var c32 = Vector.LoadUnsafe(ref c3, (nuint)(2 * w));
        for (int p = 0; p < k; p++)
        {
            ref double bp = ref Unsafe.Add(ref b, p * ldb);
            var b0 = Vector.LoadUnsafe(ref bp);
            var b1 = Vector.LoadUnsafe(ref bp, (nuint)w);
            var b2 = Vector.LoadUnsafe(ref bp, (nuint)(2 * w));
            var x = new Vector<double>(Unsafe.Add(ref a, p)); // A[0, p] in every lane
            c00 = Vector.FusedMultiplyAdd(x, b0, c00); c01 = Vector.FusedMultiplyAdd(x, b1, c01); c02 = Vector.FusedMultiplyAdd(x, b2, c02);
            x = new Vector<double>(Unsafe.Add(ref a, lda + p));
            c10 = Vector.FusedMultiplyAdd(x, b0, c10); c11 = Vector.FusedMultiplyAdd(x, b1, c11); c12 = Vector.FusedMultiplyAdd(x, b2, c12);
            x = new Vector<double>(Unsafe.Add(ref a, 2 * lda + p));
            c20 = Vector.FusedMultiplyAdd(x, b0, c20); c21 = Vector.FusedMultiplyAdd(x, b1, c21); c22 = Vector.FusedMultiplyAdd(x, b2, c22);
            x = new Vector<double>(Unsafe.Add(ref a, 3 * lda + p));
            c30 = Vector.FusedMultiplyAdd(x, b0, c30); c31 = Vector.FusedMultiplyAdd(x, b1, c31); c32 = Vector.FusedMultiplyAdd(x, b2, c32);
        }
        c00.StoreUnsafe(ref c); c01.StoreUnsafe(ref c, (nuint)w); c02.StoreUnsafe(ref c, (nuint)(2 * w));
        c10.StoreUnsafe(ref c1); c11.StoreUnsafe(ref c1, (nuint)w); c12.StoreUnsafe(ref c1, (nuint)(2 * w));
        c20.StoreUnsafe(ref c2); c21.StoreUnsafe(ref c2, (nuint)w); c22.StoreUnsafe(ref c2, (nuint)(2 * w));
        c30.StoreUnsafe(ref c3); c31.StoreUnsafe(ref c3, (nuint)w); c32.StoreUnsafe(ref c3, (nuint)(2 * w));
    }

    /// <summary>One row, <paramref name="vectors"/> (1 to 3) vectors wide, with independent accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Row(ref double a, ref double b, int ldb, ref double c, int k, int vectors)
    {
        int w = W;
        var c0 = Vector.LoadUnsafe(ref c);
        var c1 = vectors > 1 ? Vector.LoadUnsafe(ref c, (nuint)w) : Vector<double>.Zero;
        var c2 = vectors > 2 ? Vector.LoadUnsafe(ref c, (nuint)(2 * w)) : Vector<double>.Zero;
        for (int p = 0; p < k; p++)
        {
            ref double bp = ref Unsafe.Add(ref b, p * ldb);
            var x = new Vector<double>(Unsafe.Add(ref a, p));
            c0 = Vector.FusedMultiplyAdd(x, Vector.LoadUnsafe(ref bp), c0);
            if (vectors > 1)
            {
                c1 = Vector.FusedMultiplyAdd(x, Vector.LoadUnsafe(ref bp, (nuint)w), c1);
            }
            if (vectors > 2)
            {
                c2 = Vector.FusedMultiplyAdd(x, Vector.LoadUnsafe(ref bp, (nuint)(2 * w)), c2);
            }
        }
        c0.StoreUnsafe(ref c);
        if (vectors > 1)
        {
            c1.StoreUnsafe(ref c, (nuint)w);
        }
        if (vectors > 2)
        {
            c2.StoreUnsafe(ref c, (nuint)(2 * w));
        }
    }
}
