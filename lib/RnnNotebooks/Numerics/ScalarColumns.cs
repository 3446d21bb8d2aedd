using System.Runtime.CompilerServices;

namespace RnnNotebooks;

/// <summary>
/// The last few columns of a product, narrower than one vector: C[:, from..n) += A B[:, from..n), in the canonical order
/// of every product with n ≥ 2 columns (<see cref="Blas"/>): each c_ij takes A[i, p] B[p, j] in increasing p, one fused
/// multiply-add each, starting from its own value, exactly as each lane of <see cref="TiledKernel{TLanes, TVec}"/> does.
/// Eight rows of a column run together: eight independent chains, so that each fused multiply-add need not wait for
/// the one before it (one chain at a time ran at about 2 GFLOP/s, the latency of one fused multiply-add per step).
/// </summary>
internal static class ScalarColumns
{
    /// <summary>C[i, j] += sum_p A[i, p] B[p, j] for j in [from, n), with A (r, k) of row stride lda, B (k, n), C (r, n).</summary>
    public static void MulAdd(ref double a, int lda, ref double b, ref double c, int r, int k, int from, int n) =>
        MulAdd(ref a, lda, ref b, n, ref c, n, r, k, from, n);

    /// <summary>
    /// C[i, j] += sum_p A[i, p] B[p, j] for j in [from, to), with A (r, k) of row stride lda, B's rows ldb apart and C's
    /// rows ldc apart (a packed panel of B and the C it belongs to).
    /// </summary>
    public static void MulAdd(ref double a, int lda, ref double b, int ldb, ref double c, int ldc, int r, int k, int to) =>
        MulAdd(ref a, lda, ref b, ldb, ref c, ldc, r, k, 0, to);

    /// <summary>The columns [from, to) of C += A B, B's and C's rows ldb and ldc apart.</summary>
    private static void MulAdd(ref double a, int lda, ref double b, int ldb, ref double c, int ldc, int r, int k, int from, int to)
    {
        for (int j = from; j < to; j++)
        {
            int i = 0;
            for (; i + 8 <= r; i += 8)
            {
                Rows8(ref Unsafe.Add(ref a, i * lda), lda, ref Unsafe.Add(ref b, j), ldb, ref Unsafe.Add(ref c, i * ldc + j), ldc, k);
            }
            for (; i < r; i++)
            {
                ref double cij = ref Unsafe.Add(ref c, i * ldc + j);
                double sum = cij;
                for (int p = 0; p < k; p++)
                {
                    sum = Math.FusedMultiplyAdd(Unsafe.Add(ref a, i * lda + p), Unsafe.Add(ref b, p * ldb + j), sum); // c_ij += A[i, p] B[p, j]
                }
                cij = sum;
            }
        }
    }

    /// <summary>c_q += sum_p A[q, p] B[p] for the rows q = 0 .. 7 of one column: B's column with stride ldb, C's with stride ldc.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows8(ref double a, int lda, ref double b, int ldb, ref double c, int ldc, int k)
    {
        ref double a1 = ref Unsafe.Add(ref a, lda);
        ref double a2 = ref Unsafe.Add(ref a, 2 * lda);
        ref double a3 = ref Unsafe.Add(ref a, 3 * lda);
        ref double a4 = ref Unsafe.Add(ref a, 4 * lda);
        ref double a5 = ref Unsafe.Add(ref a, 5 * lda);
        ref double a6 = ref Unsafe.Add(ref a, 6 * lda);
        ref double a7 = ref Unsafe.Add(ref a, 7 * lda);
        double s0 = c, s1 = Unsafe.Add(ref c, ldc), s2 = Unsafe.Add(ref c, 2 * ldc), s3 = Unsafe.Add(ref c, 3 * ldc);
        double s4 = Unsafe.Add(ref c, 4 * ldc), s5 = Unsafe.Add(ref c, 5 * ldc), s6 = Unsafe.Add(ref c, 6 * ldc), s7 = Unsafe.Add(ref c, 7 * ldc);
        for (int p = 0; p < k; p++)
        {
            double bp = Unsafe.Add(ref b, p * ldb);
            s0 = Math.FusedMultiplyAdd(Unsafe.Add(ref a, p), bp, s0); // c_q += A[q, p] B[p, j], in increasing p for each q
            s1 = Math.FusedMultiplyAdd(Unsafe.Add(ref a1, p), bp, s1);
            s2 = Math.FusedMultiplyAdd(Unsafe.Add(ref a2, p), bp, s2);
            s3 = Math.FusedMultiplyAdd(Unsafe.Add(ref a3, p), bp, s3);
            s4 = Math.FusedMultiplyAdd(Unsafe.Add(ref a4, p), bp, s4);
            s5 = Math.FusedMultiplyAdd(Unsafe.Add(ref a5, p), bp, s5);
            s6 = Math.FusedMultiplyAdd(Unsafe.Add(ref a6, p), bp, s6);
            s7 = Math.FusedMultiplyAdd(Unsafe.Add(ref a7, p), bp, s7);
        }
        (c, Unsafe.Add(ref c, ldc), Unsafe.Add(ref c, 2 * ldc), Unsafe.Add(ref c, 3 * ldc)) = (s0, s1, s2, s3);
        (Unsafe.Add(ref c, 4 * ldc), Unsafe.Add(ref c, 5 * ldc), Unsafe.Add(ref c, 6 * ldc), Unsafe.Add(ref c, 7 * ldc)) = (s4, s5, s6, s7);
    }
}
