using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>The matrix kernels against the textbook triple loop, over shapes that hit every tile and tail.</summary>
[Collection(nameof(KernelSwitch))]
public class BlasTests
{
    private static Matrix Random(int rows, int cols, Random random) => RandomProblem.RandomMatrix(rows, cols, random, 1.0);

    private static double[] Naive(Matrix A, Matrix B, Matrix C)
    {
        var result = (double[])C.Data.Clone();
        for (int i = 0; i < A.Rows; i++)
        {
            for (int j = 0; j < B.Cols; j++)
            {
                double sum = 0;
                for (int p = 0; p < A.Cols; p++)
                {
                    sum += A[i, p] * B[p, j];
                }
                result[i * B.Cols + j] += sum;
            }
        }
        return result;
    }

    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int r in new[] { 1, 3, 4, 5, 9, 27 })
        {
            foreach (int k in new[] { 1, 2, 17, 64, 300 }) // 300: two k-blocks
            {
                // 1: the m = 1 path; 4, 12, 8, 32: one vector and a full tile of 4- and 8-double vectors; the others leave edges.
                foreach (int n in new[] { 1, 2, 4, 7, 8, 9, 12, 16, 31, 32, 33, 40, 64, 100 })
                {
                    data.Add(r, k, n);
                }
            }
        }
        return data;
    }

    [Theory]
    [KernelData("avx512")]
    [KernelData("vector")]
    [KernelData("rows")]
    public void MulAdd_equals_the_triple_loop(string kernel, int r, int k, int n) =>
        KernelSwitch.With(kernel, () => CheckMulAdd(r, k, n));

    internal static void CheckMulAdd(int r, int k, int n)
    {
        var random = new Random(r * 10_000 + k * 100 + n);
        var (A, B, C) = (Random(r, k, random), Random(k, n, random), Random(r, n, random));
        var expected = Naive(A, B, C);
        Blas.MulAdd(A, B, C);
        Approx.Equal(expected, C.Data, 1e-12 * k, $"C ({r}x{k} · {k}x{n})");
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(5, 1)]
    [InlineData(16, 8)]
    [InlineData(27, 32)]
    [InlineData(33, 9)]
    public void Transpose_swaps_rows_and_columns(int r, int c)
    {
        var B = Random(r, c, new Random(r * c));
        var Bt = new Matrix(c, r);
        Blas.Transpose(B, Bt);
        Assert.Equal(B.Transpose().Data, Bt.Data);
    }

    [Fact]
    public void A_step_lands_in_its_column_block()
    {
        var step = Matrix.FromArray(new double[,] { { 1, 2 }, { 3, 4 } });
        var big = new double[2 * 6]; // (2, 3 steps x m = 2)
        Blas.CopyToColumnBlock(step, big, 6, 1);
        Assert.Equal([0, 0, 1, 2, 0, 0, 0, 0, 3, 4, 0, 0], big);
    }

    [Fact]
    public void The_one_hot_gather_and_scatter_equal_products_with_the_one_hot_matrix()
    {
        var random = new Random(5);
        var W = Random(3, 4, random);
        int[] tokens = [2, 0, 2]; // a repeated token: its scatter adds both samples' columns, the first first
        var X = new Matrix(4, 3);
        for (int j = 0; j < tokens.Length; j++)
        {
            X[tokens[j], j] = 1.0;
        }
        double[] b = [0.5, -1.0, 2.0];
        var Z = new Matrix(3, 3);
        Blas.SetBiasPlusColumns(b, W, tokens, Z);
        var expected = new Matrix(3, 3);
        Blas.BroadcastColumns(b, expected);
        Blas.MulAdd(W, X, expected);
        Assert.Equal(expected.Data, Z.Data); // b_i + W[i, token], one rounding either way
        Blas.AddColumns(W, tokens, Z);
        Blas.MulAdd(W, X, expected);
        Assert.Equal(expected.Data, Z.Data);
        var D = Random(3, 3, random);
        var dW = new Matrix(3, 4);
        Blas.ScatterAddColumns(D, tokens, dW);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal([D[i, 1], 0.0, D[i, 0] + D[i, 2], 0.0], dW.Row(i).ToArray());
        }
    }

    [Fact]
    public void Scatter_adds_each_rows_samples_in_order_whatever_the_row_count()
    {
        var random = new Random(8);
        int[] tokens = [2, 0, 2, 2, 1, 0, 2];
        foreach (int r in new[] { 1, 4, 6, 9 })
        {
            var D = Random(r, tokens.Length, random);
            var dW = Random(r, 3, random);
            var expected = (double[])dW.Data.Clone();
            for (int i = 0; i < r; i++)
            {
                for (int j = 0; j < tokens.Length; j++)
                {
                    expected[i * 3 + tokens[j]] += D[i, j]; // one element at a time, samples in order
                }
            }
            Blas.ScatterAddColumns(D, tokens, dW);
            Assert.Equal(expected, dW.Data);
        }
    }

    [Fact]
    public void A_token_outside_the_columns_is_named()
    {
        var W = new Matrix(3, 4);
        var Z = new Matrix(3, 2);
        var e = Assert.Throws<ArgumentException>(() => Blas.AddColumns(W, [1, 4], Z));
        Assert.Contains("token 4 (sample 1)", e.Message);
        e = Assert.Throws<ArgumentException>(() => Blas.ScatterAddColumns(Z, [-1, 0], W));
        Assert.Contains("token -1 (sample 0)", e.Message);
        e = Assert.Throws<ArgumentException>(() => Blas.SetBiasPlusColumns([0.0, 0.0, 0.0], W, [0, 1, 2], Z));
        Assert.Contains("needs (3, 3)", e.Message);
    }

    [Fact]
    public void A_wide_step_lands_in_its_column_block_and_one_past_the_end_is_refused()
    {
        var step = Random(3, 9, new Random(9)); // 9 columns: whole vectors and a remainder
        var big = new double[3 * 27];
        Blas.CopyToColumnBlock(step, big, 27, 2);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(new double[18], big.AsSpan(i * 27, 18).ToArray());
            Assert.Equal(step.Row(i).ToArray(), big.AsSpan(i * 27 + 18, 9).ToArray());
        }
        Assert.Throws<ArgumentException>(() => Blas.CopyToColumnBlock(step, big, 27, 3));
    }

    [Fact]
    public void Gradient_check_passes_at_sizes_that_use_the_vector_tiles()
    {
        // n_a = 33 and m = 9 send every product of the default kernel through full tiles and their edges.
        var problem = new RandomProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 5, NA: 33, NY: 4, T: 4, M: 9,
            OneHot: false, Masked: true, RandomA0: true, Seed: 21);
        Assert.All(GradientCheck.Run(problem.Model, problem.X, problem.Y, problem.A0),
            r => Assert.True(r.RelativeError < 1e-6, r.ToString()));
    }
}
