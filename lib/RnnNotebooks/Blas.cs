using System.Numerics.Tensors;

namespace RnnNotebooks;

/// <summary>
/// The few matrix kernels the forward and backward passes need, on row-major <see cref="Matrix"/> blocks
/// whose last dimension is the batch m. Span-in/span-out, allocation-free, vectorised with
/// <see cref="TensorPrimitives"/>; each has a path for m = 1 where a row of the batch is one number.
/// </summary>
internal static class Blas
{
    /// <summary>C += A B, with A (r, k), B (k, n), C (r, n).</summary>
    public static void MulAdd(Matrix A, Matrix B, Matrix C)
    {
        int r = A.Rows, k = A.Cols, n = B.Cols;
        if (n == 1)
        {
            ReadOnlySpan<double> b = B.Data;
            for (int i = 0; i < r; i++)
            {
                C.Data[i] += TensorPrimitives.Dot(A.Data.AsSpan(i * k, k), b); // c_i += A[i, :] . b
            }
            return;
        }
        for (int i = 0; i < r; i++)
        {
            var ci = C.Row(i);
            var ai = A.Row(i);
            for (int p = 0; p < k; p++)
            {
                TensorPrimitives.MultiplyAdd(B.Row(p), ai[p], ci, ci); // C[i, :] += A[i, p] B[p, :]
            }
        }
    }

    /// <summary>C += A^T B, with A (k, r), B (k, n), C (r, n).</summary>
    public static void MulTransAAdd(Matrix A, Matrix B, Matrix C)
    {
        int k = A.Rows, r = A.Cols, n = B.Cols;
        if (n == 1)
        {
            var c = C.Data.AsSpan(0, r);
            for (int p = 0; p < k; p++)
            {
                TensorPrimitives.MultiplyAdd(A.Row(p), B.Data[p], c, c); // c += b_p A[p, :]
            }
            return;
        }
        for (int p = 0; p < k; p++)
        {
            var ap = A.Row(p);
            var bp = B.Row(p);
            for (int i = 0; i < r; i++)
            {
                var ci = C.Row(i);
                TensorPrimitives.MultiplyAdd(bp, ap[i], ci, ci); // C[i, :] += A[p, i] B[p, :]
            }
        }
    }

    /// <summary>C += A B^T, with A (r, n), B (c, n), C (r, c): the sum over the batch of outer products.</summary>
    public static void MulTransBAdd(Matrix A, Matrix B, Matrix C)
    {
        int r = A.Rows, c = B.Rows, n = A.Cols;
        if (n == 1)
        {
            ReadOnlySpan<double> b = B.Data;
            for (int i = 0; i < r; i++)
            {
                var ci = C.Row(i);
                TensorPrimitives.MultiplyAdd(b, A.Data[i], ci, ci); // C[i, :] += a_i b^T
            }
            return;
        }
        for (int i = 0; i < r; i++)
        {
            var ai = A.Row(i);
            var ci = C.Row(i);
            for (int q = 0; q < c; q++)
            {
                ci[q] += TensorPrimitives.Dot(ai, B.Row(q)); // C[i, q] += A[i, :] . B[q, :]
            }
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

    /// <summary>db += the sum over the batch of each row of D (r, n): db_i += sum_j D[i, j].</summary>
    public static void AddRowSums(Matrix D, Span<double> db)
    {
        if (D.Cols == 1)
        {
            TensorPrimitives.Add(db, D.Data, db);
            return;
        }
        for (int i = 0; i < D.Rows; i++)
        {
            db[i] += TensorPrimitives.Sum(D.Row(i));
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
