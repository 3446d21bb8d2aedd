namespace RnnNotebooks.Tests;

/// <summary>
/// The canonical order of the core's sums and products written as plainly as possible, one scalar operation at a
/// time: what every vector path must equal bit for bit (Numerics/README.md).
/// </summary>
internal static class CanonicalOrder
{
    /// <summary>x · y: eight partials (index mod 8), each fused in index order, then ((p0+p4)+(p2+p6))+((p1+p5)+(p3+p7)).</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var p = new double[8];
        for (int i = 0; i < x.Length; i++)
        {
            p[i % 8] = Math.FusedMultiplyAdd(x[i], y[i], p[i % 8]);
        }
        return Tree(p);
    }

    /// <summary>sum_i x_i: eight partials, then the same tree.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        var p = new double[8];
        for (int i = 0; i < x.Length; i++)
        {
            p[i % 8] += x[i];
        }
        return Tree(p);
    }

    /// <summary>C += A B: for n = 1 each c_i += Dot(A[i, :], b); for n ≥ 2 each c_ij fused with A[i, p] B[p, j] in increasing p.</summary>
    public static double[] MulAdd(Matrix A, Matrix B, Matrix C)
    {
        var c = (double[])C.Data.Clone();
        int r = A.Rows, k = A.Cols, n = B.Cols;
        for (int i = 0; i < r; i++)
        {
            if (n == 1)
            {
                c[i] += Dot(A.Row(i), B.Data);
                continue;
            }
            for (int j = 0; j < n; j++)
            {
                for (int p = 0; p < k; p++)
                {
                    c[i * n + j] = Math.FusedMultiplyAdd(A[i, p], B[p, j], c[i * n + j]);
                }
            }
        }
        return c;
    }

    private static double Tree(double[] p) => ((p[0] + p[4]) + (p[2] + p[6])) + ((p[1] + p[5]) + (p[3] + p[7]));
}
