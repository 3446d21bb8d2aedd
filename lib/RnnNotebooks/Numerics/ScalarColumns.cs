using System.Runtime.CompilerServices;

namespace RnnNotebooks;

/// <summary>
/// The last few columns of a product, narrower than one vector: C[:, from..n) += A B[:, from..n), in the canonical order
/// of every product with n ≥ 2 columns (<see cref="Blas"/>): each c_ij takes A[i, p] B[p, j] in increasing p, one fused
/// multiply-add each, starting from its own value, exactly as each lane of <see cref="TiledKernel{TLanes, TVec}"/> does.
/// </summary>
internal static class ScalarColumns
{
    /// <summary>C[i, j] += sum_p A[i, p] B[p, j] for j in [from, n), with A (r, k) of row stride lda, B (k, n), C (r, n).</summary>
    public static void MulAdd(ref double a, int lda, ref double b, ref double c, int r, int k, int from, int n)
    {
        for (int j = from; j < n; j++)
        {
            for (int i = 0; i < r; i++)
            {
                ref double cij = ref Unsafe.Add(ref c, i * n + j);
                double sum = cij;
                for (int p = 0; p < k; p++)
                {
                    sum = Math.FusedMultiplyAdd(Unsafe.Add(ref a, i * lda + p), Unsafe.Add(ref b, p * n + j), sum); // c_ij += A[i, p] B[p, j]
                }
                cij = sum;
            }
        }
    }
}
