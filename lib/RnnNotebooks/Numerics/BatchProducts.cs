namespace RnnNotebooks;

/// <summary>The two products BPTT through a hand-written step needs, on (rows, m) batch blocks.</summary>
public static class BatchProducts
{
    /// <summary>dW += dz s^T: dz (r, m), s (k, m), dW (r, k); the gradient of a weight that multiplies s.</summary>
    public static void AddOuter(Matrix dz, Matrix s, Matrix dW)
    {
        int r = dz.Rows, k = s.Rows, m = dz.Cols;
        Guard.Shape(dW, r, k, "dW", null, "(rows of dz, rows of s)");
        Guard.Shape(s, k, m, "s", null, "(k, m) with the m of dz");
        var sT = new double[m * k];
        Blas.Transpose(s.Data, sT, k, m);
        Blas.MulAdd(dz.Data, sT, dW.Data, r, m, k); // dW += dz s^T
    }

    /// <summary>dx += W^T dz: W (r, k), dz (r, m), dx (k, m); the gradient reaching what W multiplied.</summary>
    public static void AddTransposedProduct(Matrix W, Matrix dz, Matrix dx)
    {
        int r = W.Rows, k = W.Cols;
        Guard.Shape(dz, r, dx.Cols, "dz", null, "(rows of W, m)");
        Guard.Shape(dx, k, dz.Cols, "dx", null, "(columns of W, m)");
        var wT = new double[k * r];
        Blas.Transpose(W.Data, wT, r, k);
        Blas.MulAdd(wT, dz.Data, dx.Data, k, r, dz.Cols); // dx += W^T dz
    }

    /// <summary>db += the row sums of dz (r, m): the gradient of a bias added to every column.</summary>
    public static void AddRowSums(Matrix dz, double[] db)
    {
        Guard.Length(db, dz.Rows, "db", "rows of dz");
        for (int i = 0; i < dz.Rows; i++)
        {
            db[i] += Reductions.Sum(dz.Row(i)); // db_i += sum_j dz[i, j]
        }
    }
}
