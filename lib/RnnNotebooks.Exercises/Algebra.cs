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
