using System.Numerics.Tensors;

namespace RnnNotebooks;

/// <summary>
/// The few matrix kernels the forward and backward passes need, on row-major <see cref="Matrix"/> blocks
/// whose last dimension is the batch m. Span-in/span-out, allocation-free, vectorised with
/// <see cref="TensorPrimitives"/>; each has a path for m = 1 where a row of the batch is one number.
/// </summary>
internal static class Blas
{
    /// <summary>
    /// The kernel for products with a batch: the best this CPU runs, unless the environment variable
    /// RNNNOTEBOOKS_KERNEL names another (avx512, vector, rows) to compare speeds. Tests switch it to check each.
    /// </summary>
    internal static ProductKernel Kernel { get; set; } = ChooseKernel(Environment.GetEnvironmentVariable("RNNNOTEBOOKS_KERNEL"));

    /// <summary>The fastest supported kernel, or the one named (if this CPU supports it).</summary>
    internal static ProductKernel ChooseKernel(string? name)
    {
        var best = PanelKernel.IsSupported ? ProductKernel.Avx512 : VectorKernel.IsSupported ? ProductKernel.Vector : ProductKernel.Rows;
        return name?.ToLowerInvariant() switch
        {
            "vector" when VectorKernel.IsSupported => ProductKernel.Vector,
            "rows" => ProductKernel.Rows,
            _ => best,
        };
    }

    /// <summary>C += A B, with A (r, k), B (k, n), C (r, n).</summary>
    public static void MulAdd(Matrix A, Matrix B, Matrix C) =>
        MulAdd(A.Data, B.Data, C.Data, A.Rows, A.Cols, B.Cols);

    /// <summary>C += A B on contiguous row-major spans: A (r, k), B (k, n), C (r, n).</summary>
    public static void MulAdd(ReadOnlySpan<double> A, ReadOnlySpan<double> B, Span<double> C, int r, int k, int n)
    {
        if (r == 0 || k == 0 || n == 0)
        {
            return;
        }
        if (n == 1)
        {
            for (int i = 0; i < r; i++)
            {
                C[i] += TensorPrimitives.Dot(A.Slice(i * k, k), B[..k]); // c_i += A[i, :] . b
            }
            return;
        }
        if (n >= 8 && Kernel == ProductKernel.Avx512)
        {
            PanelKernel.MulAdd(A, B, C, r, k, n); // register-blocked AVX-512 tiles
            return;
        }
        if (n >= 8 && Kernel == ProductKernel.Vector)
        {
            VectorKernel.MulAdd(A, B, C, r, k, n); // register-blocked Vector<double> tiles
            return;
        }
        for (int i = 0; i < r; i++)
        {
            var ci = C.Slice(i * n, n);
            for (int p = 0; p < k; p++)
            {
                TensorPrimitives.MultiplyAdd(B.Slice(p * n, n), A[i * k + p], ci, ci); // C[i, :] += A[i, p] B[p, :]
            }
        }
    }

    /// <summary>Bt = B^T, with B (r, c) and Bt (c, r).</summary>
    public static void Transpose(Matrix B, Matrix Bt) => Transpose(B.Data, Bt.Data, B.Rows, B.Cols);

    /// <summary>dst (c, r) = src (r, c)^T, in 8 x 8 blocks so that reads and writes both stay in cache lines.</summary>
    public static void Transpose(ReadOnlySpan<double> src, Span<double> dst, int r, int c)
    {
        if (r == 1 || c == 1)
        {
            src[..(r * c)].CopyTo(dst); // a vector is its own transpose in row-major order
            return;
        }
        const int Block = 8;
        for (int i0 = 0; i0 < r; i0 += Block)
        {
            int i1 = Math.Min(i0 + Block, r);
            for (int j0 = 0; j0 < c; j0 += Block)
            {
                int j1 = Math.Min(j0 + Block, c);
                for (int i = i0; i < i1; i++)
                {
                    for (int j = j0; j < j1; j++)
                    {
                        dst[j * r + i] = src[i * c + j];
                    }
                }
            }
        }
    }

    /// <summary>Copies the (r, m) block <paramref name="step"/> into columns [t m, (t + 1) m) of the (r, n) matrix <paramref name="big"/>.</summary>
    public static void CopyToColumnBlock(Matrix step, Span<double> big, int n, int t)
    {
        int m = step.Cols;
        for (int i = 0; i < step.Rows; i++)
        {
            step.Row(i).CopyTo(big.Slice(i * n + t * m, m));
        }
    }

    /// <summary>Sets every column of Z (r, n) to the bias b (r): Z[i, :] = b_i.</summary>
    public static void BroadcastColumns(ReadOnlySpan<double> b, Matrix Z)
    {
        if (Z.Cols == 1)
        {
            b.CopyTo(Z.Data);
            return;
        }
        for (int i = 0; i < Z.Rows; i++)
        {
            Z.Row(i).Fill(b[i]);
        }
    }

    /// <summary>db += the sum of each row of D (r, n): db_i += sum_j D[i, j].</summary>
    public static void AddRowSums(ReadOnlySpan<double> D, int r, int n, Span<double> db)
    {
        if (n == 1)
        {
            TensorPrimitives.Add(db, D[..r], db);
            return;
        }
        for (int i = 0; i < r; i++)
        {
            db[i] += TensorPrimitives.Sum(D.Slice(i * n, n));
        }
    }

    /// <summary>Z[:, j] += W[:, tokens[j]] for each sample j: the product W x for one-hot x, as a column gather.</summary>
    public static void AddColumns(Matrix W, ReadOnlySpan<int> tokens, Matrix Z)
    {
        int n = Z.Cols, cols = W.Cols;
        for (int i = 0; i < W.Rows; i++)
        {
            int row = i * cols;
            for (int j = 0; j < n; j++)
            {
                Z.Data[i * n + j] += W.Data[row + tokens[j]];
            }
        }
    }

    /// <summary>dW[:, tokens[j]] += D[:, j] for each sample j: the product D x^T for one-hot x, as a column scatter.</summary>
    public static void ScatterAddColumns(Matrix D, ReadOnlySpan<int> tokens, Matrix dW)
    {
        int n = D.Cols, cols = dW.Cols;
        for (int i = 0; i < D.Rows; i++)
        {
            int row = i * cols;
            for (int j = 0; j < n; j++)
            {
                dW.Data[row + tokens[j]] += D.Data[i * n + j];
            }
        }
    }
}
