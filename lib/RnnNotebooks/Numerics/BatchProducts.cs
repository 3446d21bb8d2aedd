using System.Numerics.Tensors;

namespace RnnNotebooks;

/// <summary>The two products BPTT through a hand-written step needs, on (rows, m) batch blocks.</summary>
public static class BatchProducts
{
    /// <summary>dW += dz s^T: dz (r, m), s (k, m), dW (r, k); the gradient of a weight that multiplies s.</summary>
    public static void AddOuter(Matrix dz, Matrix s, Matrix dW)
    {
        int r = dz.Rows, k = s.Rows;
        Guard.Shape(dW, r, k, "dW", null, "(rows of dz, rows of s)");
        for (int i = 0; i < r; i++)
        {
            var row = dz.Row(i);
            var target = dW.Row(i);
            for (int p = 0; p < k; p++)
            {
                target[p] += TensorPrimitives.Dot(row, s.Row(p)); // dW[i, p] += sum_j dz[i, j] s[p, j]
            }
        }
    }

    /// <summary>dx += W^T dz: W (r, k), dz (r, m), dx (k, m); the gradient reaching what W multiplied.</summary>
    public static void AddTransposedProduct(Matrix W, Matrix dz, Matrix dx)
    {
        int r = W.Rows, k = W.Cols;
        Guard.Shape(dz, r, dx.Cols, "dz", null, "(rows of W, m)");
        Guard.Shape(dx, k, dz.Cols, "dx", null, "(columns of W, m)");
        for (int i = 0; i < r; i++)
        {
            var dzRow = dz.Row(i);
            var wRow = W.Row(i);
            for (int p = 0; p < k; p++)
            {
                if (wRow[p] != 0.0)
                {
                    TensorPrimitives.MultiplyAdd(dzRow, wRow[p], dx.Row(p), dx.Row(p)); // dx[p, :] += W[i, p] dz[i, :]
                }
            }
        }
    }

    /// <summary>db += the row sums of dz (r, m): the gradient of a bias added to every column.</summary>
    public static void AddRowSums(Matrix dz, double[] db)
    {
        Guard.Length(db, dz.Rows, "db", "rows of dz");
        for (int i = 0; i < dz.Rows; i++)
        {
            db[i] += TensorPrimitives.Sum(dz.Row(i));
        }
    }
}
