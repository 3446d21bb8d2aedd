using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnNotebooks;

/// <summary>
/// The register-blocked inner kernel of <see cref="Blas.MulAdd(Matrix, Matrix, Matrix)"/> for a batch (n ≥ 8) on CPUs with
/// AVX-512: C(r, n) += A(r, k) B(k, n), row-major. Each call of <see cref="Block4x32"/> keeps a 4 x 32 tile
/// of C in sixteen 512-bit registers while it walks the k dimension: per step it loads 4 vectors of B,
/// broadcasts 4 values of A and issues 16 fused multiply-adds.
/// </summary>
internal static class PanelKernel
{
    private const int W = 8; // doubles per Vector512

    /// <summary>True when this CPU runs 512-bit vectors natively.</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    /// <summary>Depth of a k-block: a 256 x 32 panel of B (64 KB) stays in L2 while every row tile of C passes over it.</summary>
    private const int KBlock = 256;

    /// <summary>C += A B with A (r, k), B (k, n), C (r, n), contiguous row-major spans.</summary>
    public static void MulAdd(ReadOnlySpan<double> A, ReadOnlySpan<double> B, Span<double> C, int r, int k, int n)
    {
        ref double a = ref Unsafe.AsRef(in A[0]);
        ref double b = ref Unsafe.AsRef(in B[0]);
        ref double c = ref C[0];
        for (int p0 = 0; p0 < k; p0 += KBlock)
        {
            int kc = Math.Min(KBlock, k - p0);
            Panels(ref Unsafe.Add(ref a, p0), k, ref Unsafe.Add(ref b, p0 * n), ref c, r, kc, n);
        }
    }

    /// <summary>C += A[:, p0 .. p0 + kc] B[p0 .. p0 + kc, :], column panel by column panel.</summary>
    private static void Panels(ref double a, int lda, ref double b, ref double c, int r, int kc, int n)
    {
        int j = 0;
        for (; j + 4 * W <= n; j += 4 * W)
        {
            int i = 0;
            for (; i + 4 <= r; i += 4)
            {
                Block4x32(ref Unsafe.Add(ref a, i * lda), lda, ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, i * n + j), n, kc);
            }
            for (; i < r; i++)
            {
                Block1x32(ref Unsafe.Add(ref a, i * lda), ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, i * n + j), kc);
            }
        }
        for (; j + W <= n; j += W)
        {
            for (int i = 0; i < r; i++)
            {
                Block1x8(ref Unsafe.Add(ref a, i * lda), ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, i * n + j), kc);
            }
        }
        ScalarColumns.MulAdd(ref a, lda, ref b, ref c, r, kc, j, n);
    }

    /// <summary>A 4 x 32 tile: C[0..4, 0..32] += A[0..4, :] B[:, 0..32].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block4x32(ref double a, int lda, ref double b, int ldb, ref double c, int ldc, int k)
    {
        ref double c1 = ref Unsafe.Add(ref c, ldc);
        ref double c2 = ref Unsafe.Add(ref c, 2 * ldc);
        ref double c3 = ref Unsafe.Add(ref c, 3 * ldc);
        var c00 = Vector512.LoadUnsafe(ref c, 0); var c01 = Vector512.LoadUnsafe(ref c, 8);
        var c02 = Vector512.LoadUnsafe(ref c, 16); var c03 = Vector512.LoadUnsafe(ref c, 24);
        var c10 = Vector512.LoadUnsafe(ref c1, 0); var c11 = Vector512.LoadUnsafe(ref c1, 8);
        var c12 = Vector512.LoadUnsafe(ref c1, 16); var c13 = Vector512.LoadUnsafe(ref c1, 24);
        var c20 = Vector512.LoadUnsafe(ref c2, 0); var c21 = Vector512.LoadUnsafe(ref c2, 8);
        var c22 = Vector512.LoadUnsafe(ref c2, 16); var c23 = Vector512.LoadUnsafe(ref c2, 24);
        var c30 = Vector512.LoadUnsafe(ref c3, 0); var c31 = Vector512.LoadUnsafe(ref c3, 8);
        var c32 = Vector512.LoadUnsafe(ref c3, 16); var c33 = Vector512.LoadUnsafe(ref c3, 24);
        ref double a1 = ref Unsafe.Add(ref a, lda);
        ref double a2 = ref Unsafe.Add(ref a, 2 * lda);
        ref double a3 = ref Unsafe.Add(ref a, 3 * lda);
        for (int p = 0; p < k; p++)
        {
            ref double bp = ref Unsafe.Add(ref b, p * ldb);
            var b0 = Vector512.LoadUnsafe(ref bp, 0); // B[p, 0..8]
            var b1 = Vector512.LoadUnsafe(ref bp, 8);
            var b2 = Vector512.LoadUnsafe(ref bp, 16);
            var b3 = Vector512.LoadUnsafe(ref bp, 24);
            var x = Vector512.Create(Unsafe.Add(ref a, p)); // A[0, p] in every lane
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            c02 = Vector512.FusedMultiplyAdd(x, b2, c02); c03 = Vector512.FusedMultiplyAdd(x, b3, c03);
            x = Vector512.Create(Unsafe.Add(ref a1, p));
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            c12 = Vector512.FusedMultiplyAdd(x, b2, c12); c13 = Vector512.FusedMultiplyAdd(x, b3, c13);
            x = Vector512.Create(Unsafe.Add(ref a2, p));
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            c22 = Vector512.FusedMultiplyAdd(x, b2, c22); c23 = Vector512.FusedMultiplyAdd(x, b3, c23);
            x = Vector512.Create(Unsafe.Add(ref a3, p));
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            c32 = Vector512.FusedMultiplyAdd(x, b2, c32); c33 = Vector512.FusedMultiplyAdd(x, b3, c33);
        }
        c00.StoreUnsafe(ref c, 0); c01.StoreUnsafe(ref c, 8); c02.StoreUnsafe(ref c, 16); c03.StoreUnsafe(ref c, 24);
        c10.StoreUnsafe(ref c1, 0); c11.StoreUnsafe(ref c1, 8); c12.StoreUnsafe(ref c1, 16); c13.StoreUnsafe(ref c1, 24);
        c20.StoreUnsafe(ref c2, 0); c21.StoreUnsafe(ref c2, 8); c22.StoreUnsafe(ref c2, 16); c23.StoreUnsafe(ref c2, 24);
        c30.StoreUnsafe(ref c3, 0); c31.StoreUnsafe(ref c3, 8); c32.StoreUnsafe(ref c3, 16); c33.StoreUnsafe(ref c3, 24);
    }

    /// <summary>One row, 32 columns: four independent accumulators so the FMAs overlap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block1x32(ref double a, ref double b, int ldb, ref double c, int k)
    {
        var c0 = Vector512.LoadUnsafe(ref c, 0); var c1 = Vector512.LoadUnsafe(ref c, 8);
        var c2 = Vector512.LoadUnsafe(ref c, 16); var c3 = Vector512.LoadUnsafe(ref c, 24);
        for (int p = 0; p < k; p++)
        {
            ref double bp = ref Unsafe.Add(ref b, p * ldb);
            var x = Vector512.Create(Unsafe.Add(ref a, p));
            c0 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bp, 0), c0);
            c1 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bp, 8), c1);
            c2 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bp, 16), c2);
            c3 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bp, 24), c3);
        }
        c0.StoreUnsafe(ref c, 0); c1.StoreUnsafe(ref c, 8); c2.StoreUnsafe(ref c, 16); c3.StoreUnsafe(ref c, 24);
    }

    /// <summary>One row, 8 columns, with the k loop split over two accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block1x8(ref double a, ref double b, int ldb, ref double c, int k)
    {
        var even = Vector512.LoadUnsafe(ref c, 0);
        var odd = Vector512<double>.Zero;
        int p = 0;
        for (; p + 1 < k; p += 2)
        {
            even = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, p)), Vector512.LoadUnsafe(ref Unsafe.Add(ref b, p * ldb)), even);
            odd = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, p + 1)), Vector512.LoadUnsafe(ref Unsafe.Add(ref b, (p + 1) * ldb)), odd);
        }
        if (p < k)
        {
            even = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, p)), Vector512.LoadUnsafe(ref Unsafe.Add(ref b, p * ldb)), even);
        }
        (even + odd).StoreUnsafe(ref c, 0);
    }
}
