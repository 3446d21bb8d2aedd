namespace RnnNotebooks.Exercises;

/// <summary>The few products and maps the graders need to build the expected answers and the usual wrong ones.</summary>
internal static class Algebra
{
    /// <summary>C = A B for A (r, k) and B (k, n).</summary>
    public static Matrix Product(Matrix A, Matrix B)
    {
        var C = new Matrix(A.Rows, B.Cols);
        for (int i = 0; i < A.Rows; i++)
        {
            for (int k = 0; k < A.Cols; k++)
            {
                double aik = A[i, k];
                for (int j = 0; j < B.Cols; j++)
                {
                    C[i, j] += aik * B[k, j]; // c_ij = sum_k a_ik b_kj
                }
            }
        }
        return C;
    }

    /// <summary>f applied to every entry of <paramref name="m"/>, as a new matrix.</summary>
    public static Matrix Map(Matrix m, Func<double, double> f) => new(m.Rows, m.Cols, m.Data.Select(f).ToArray());

    /// <summary>u ⊙ v, entry by entry, as a new matrix.</summary>
    public static Matrix Hadamard(Matrix u, Matrix v) => new(u.Rows, u.Cols, u.Data.Zip(v.Data, (p, q) => p * q).ToArray());

    /// <summary>The sum of each row: an (r, m) matrix summed over its m columns, length r.</summary>
    public static double[] RowSums(Matrix m) => Enumerable.Range(0, m.Rows).Select(i => m.Row(i).ToArray().Sum()).ToArray();

    /// <summary>The column-wise softmax of z (n_y, m).</summary>
    public static Matrix Softmax(Matrix z)
    {
        var yHat = z.Clone();
        Activations.Apply(Activation.Softmax, yHat.Data, yHat.Rows, yHat.Cols);
        return yHat;
    }

    /// <summary>f(u_ij, v_ij), entry by entry, as a new matrix of u's shape.</summary>
    public static Matrix Zip(Matrix u, Matrix v, Func<double, double, double> f) => new(u.Rows, u.Cols, u.Data.Zip(v.Data, f).ToArray());

    /// <summary>u + v, entry by entry.</summary>
    public static Matrix Add(Matrix u, Matrix v) => Zip(u, v, (p, q) => p + q);

    /// <summary>u - v, entry by entry.</summary>
    public static Matrix Subtract(Matrix u, Matrix v) => Zip(u, v, (p, q) => p - q);

    /// <summary>sum of u_ij v_ij: L = sum(da ⊙ a) is the loss whose gradient with respect to a is da.</summary>
    public static double Dot(Matrix u, Matrix v) => u.Data.Zip(v.Data, (p, q) => p * q).Sum();

    /// <summary>W x + b, b added to every column: a layer's pre-activation, (rows of W, m).</summary>
    public static Matrix Affine(Matrix W, double[] b, Matrix x) => Add(Product(W, x), Columns(b, x.Cols));

    /// <summary>m copies of the column b side by side, (length of b, m).</summary>
    public static Matrix Columns(double[] b, int m)
    {
        var c = new Matrix(b.Length, m);
        for (int i = 0; i < b.Length; i++)
        {
            c.Row(i).Fill(b[i]);
        }
        return c;
    }

    /// <summary>Rows start .. start + count - 1 of m: one gate's block of a stacked matrix.</summary>
    public static Matrix Rows(Matrix m, int start, int count) => new(count, m.Cols, m.Data.AsSpan(start * m.Cols, count * m.Cols).ToArray());

    /// <summary>The blocks stacked by rows, [b0; b1; ...]: the gates' values as the library stacks them.</summary>
    public static Matrix Stack(params Matrix[] blocks) => new(blocks.Sum(b => b.Rows), blocks[0].Cols, blocks.SelectMany(b => b.Data).ToArray());

    /// <summary>σ(v) = 1 / (1 + e^-v).</summary>
    public static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    /// <summary>A matrix of uniform values in (-scale, scale).</summary>
    public static Matrix Random(int rows, int cols, Random random, double scale = 1.0)
    {
        var m = new Matrix(rows, cols);
        for (int i = 0; i < m.Data.Length; i++)
        {
            m.Data[i] = scale * (2 * random.NextDouble() - 1);
        }
        return m;
    }
}
