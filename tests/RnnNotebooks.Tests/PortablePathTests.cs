using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>Tests that switch the process-wide kernel choice run alone, so no other test sees the switch.</summary>
[CollectionDefinition(nameof(KernelSwitch), DisableParallelization = true)]
public sealed class KernelSwitch
{
    /// <summary>The kernel a test names (exactly: no fallback to another one).</summary>
    internal static ProductKernel Parse(string name) => Enum.Parse<ProductKernel>(name, ignoreCase: true);

    /// <summary>Runs <paramref name="check"/> with <see cref="Blas.Kernel"/> set to the kernel named, then restores it.</summary>
    internal static void With(string kernel, Action check)
    {
        var saved = Blas.Kernel;
        Blas.Kernel = Parse(kernel);
        try
        {
            check();
        }
        finally
        {
            Blas.Kernel = saved;
        }
    }
}

/// <summary>Every product kernel (what CPUs with and without AVX-512 run) through a whole model, and its choice.</summary>
[Collection(nameof(KernelSwitch))]
public class PortablePathTests
{
    [Theory]
    [KernelData("avx512", 5, 17, 33)]
    [KernelData("avx512", 4, 300, 40)]
    [KernelData("vector", 5, 17, 33)]
    [KernelData("vector", 27, 64, 100)]
    [KernelData("vector", 4, 300, 40)]
    [KernelData("vector", 9, 3, 13)]
    [KernelData("rows", 5, 17, 33)]
    [KernelData("rows", 27, 64, 100)]
    [KernelData("avx512", 67, 300, 100)] // 64 rows or more: the wide panels of B are packed
    [KernelData("vector", 67, 300, 100)]
    public void Each_kernel_equals_the_triple_loop(string kernel, int r, int k, int n) =>
        KernelSwitch.With(kernel, () => BlasTests.CheckMulAdd(r, k, n));

    [Fact]
    public void The_packed_panels_of_b_start_on_a_cache_line_so_that_no_vector_load_straddles_two()
    {
        Assert.Equal(0, TiledKernel<Lanes512, System.Runtime.Intrinsics.Vector512<double>>.PackBufferAddress() % 64);
        Assert.Equal(0, TiledKernel<LanesVector, System.Numerics.Vector<double>>.PackBufferAddress() % 64);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true); // the pinned heap is never compacted
        Assert.Equal(0, TiledKernel<LanesVector, System.Numerics.Vector<double>>.PackBufferAddress() % 64);
    }

    [Theory]
    [KernelData("avx512", 67, 300, 100)]
    [KernelData("avx512", 64, 17, 33)]
    [KernelData("avx512", 19, 40, 15)] // 7 columns short of a vector: two blocks of eight rows and three rows alone
    [KernelData("vector", 19, 40, 15)] // 3 columns past the 12-column panel (4-double vectors)
    [KernelData("avx512", 130, 520, 72)]
    [KernelData("vector", 67, 300, 100)]
    [KernelData("vector", 130, 520, 72)]
    [KernelData("avx512", 96, 70, 32)] // a time loop's shape: one full panel of B, packed (64 rows or more) onto a cache line
    [KernelData("vector", 96, 70, 32)] // two 12-column panels and an 8-column one, each packed
    [KernelData("vector", 64, 300, 10)] // narrower than a panel: an 8-column panel packed, 2 columns in place
    [KernelData("vector", 70, 40, 30)] // two full panels and a one-vector panel packed, 2 rows alone, 2 columns in place
    public void Each_kernel_gives_the_bits_of_the_scalar_kernel(string kernel, int r, int k, int n)
    {
        var random = new Random(r + k + n);
        var (A, B, C) = (RandomProblem.RandomMatrix(r, k, random, 1.0), RandomProblem.RandomMatrix(k, n, random, 1.0), RandomProblem.RandomMatrix(r, n, random, 1.0));
        var scalar = C.Clone();
        KernelSwitch.With("rows", () => Blas.MulAdd(A, B, scalar));
        KernelSwitch.With(kernel, () => Blas.MulAdd(A, B, C));
        Assert.Equal(scalar.Data, C.Data); // bit for bit: packing and tiling change no sum's order
    }

    [Theory]
    [KernelData("avx512", 96, 70, 32)]   // a time loop's shape, packed
    [KernelData("vector", 96, 70, 32)]
    [KernelData("avx512", 130, 520, 72)] // three k-blocks: only the first starts from the bias
    [KernelData("vector", 130, 520, 72)]
    [KernelData("avx512", 70, 40, 30)]   // 2 rows alone, 6 columns short of a vector
    [KernelData("vector", 70, 40, 30)]
    [KernelData("vector", 5, 17, 33)]    // unpacked, with a scalar column
    [KernelData("vector", 9, 3, 13)]
    [KernelData("rows", 27, 64, 100)]
    [KernelData("vector", 7, 9, 1)]      // one column: a dot product per row
    [KernelData("vector", 6, 0, 9)]      // k = 0: C = b
    public void A_bias_plus_product_gives_the_bits_of_a_broadcast_and_a_product(string kernel, int r, int k, int n)
    {
        var random = new Random(3 * r + k + n);
        var (A, B) = (RandomProblem.RandomMatrix(r, k, random, 1.0), RandomProblem.RandomMatrix(k, n, random, 1.0));
        double[] b = RandomProblem.RandomMatrix(r, 1, random, 1.0).Data;
        var C = RandomProblem.RandomMatrix(r, n, random, 1.0); // overwritten, never read
        var expected = new Matrix(r, n);
        KernelSwitch.With("rows", () =>
        {
            Blas.BroadcastColumns(b, expected);
            Blas.MulAdd(A, B, expected);
        });
        KernelSwitch.With(kernel, () => Blas.SetBiasPlusProduct(b, A, B, C));
        Assert.Equal(expected.Data, C.Data); // bit for bit: each c_ij starts from b_i, then its terms in increasing p
    }

    [Fact]
    public void A_bias_plus_product_names_the_shapes_that_disagree()
    {
        var ex = Assert.Throws<ArgumentException>(() => Blas.SetBiasPlusProduct(new double[3], new Matrix(4, 2), new Matrix(2, 5), new Matrix(4, 5)));
        Assert.Contains("b of 3", ex.Message);
    }

    [Theory]
    [KernelData("avx512", 256, 27, 100, 32, 256)] // notebook-sized dWaa and dWya of an RNN with m = 32
    [KernelData("vector", 256, 27, 100, 32, 256)]
    [KernelData("avx512", 70, 3, 60, 5, 19)]      // 2 rows of A alone, 3 columns short of a vector, k-blocks across a state
    [KernelData("vector", 70, 3, 60, 5, 19)]
    [KernelData("avx512", 9, 6, 2, 300, 40)]      // a state wider than a k-block: the packed buffer grows
    [KernelData("vector", 9, 6, 2, 300, 40)]
    [KernelData("vector", 12, 0, 7, 1, 13)]       // no head term, m = 1: one column per state
    [KernelData("vector", 5, 2, 7, 3, 3)]         // narrower than a vector: the written-out product
    [KernelData("rows", 12, 4, 10, 4, 9)]
    public void A_product_over_the_states_gives_the_bits_of_one_over_their_transposes_written_out(string kernel, int r, int r2, int tx, int m, int n)
    {
        var random = new Random(r + r2 + tx + m + n);
        int k = tx * m, shift = r2 > 0 ? m : 0, r3 = r / 2 + 1; // three terms, as a GRU's: dWaa from dGx, dWaa from dGa, dWya
        var states = Enumerable.Range(0, tx + 1).Select(_ => RandomProblem.RandomMatrix(n, m, random, 1.0)).ToArray();
        var stacked = new double[(tx + 1) * m * n]; // [s_0^T; s_1^T; ...]
        for (int t = 0; t <= tx; t++)
        {
            Blas.Transpose(states[t].Data, stacked.AsSpan(t * m * n, m * n), n, m);
        }
        var (A, A2, A3) = (RandomProblem.RandomMatrix(r, k, random, 1.0), RandomProblem.RandomMatrix(r2, k, random, 1.0), RandomProblem.RandomMatrix(r3, k, random, 1.0));
        var (C, C2, C3) = (RandomProblem.RandomMatrix(r, n, random, 1.0), RandomProblem.RandomMatrix(r2, n, random, 1.0), RandomProblem.RandomMatrix(r3, n, random, 1.0));
        var (expected, expected2, expected3) = (C.Clone(), C2.Clone(), C3.Clone());
        KernelSwitch.With("rows", () =>
        {
            Blas.MulAdd(A.Data, stacked, expected.Data, r, k, n);
            Blas.MulAdd(A2.Data, stacked.AsSpan(shift * n), expected2.Data, r2, k, n);
            Blas.MulAdd(A3.Data, stacked, expected3.Data, r3, k, n);
        });
        KernelSwitch.With(kernel, () => Blas.MulAddStates(
            [new StatesTerm(A.Data, C.Data, r, 0), new StatesTerm(A2.Data, C2.Data, r2, shift), new StatesTerm(A3.Data, C3.Data, r3, 0)], states, k, n));
        Assert.Equal(expected.Data, C.Data);   // bit for bit: packing from the states moves doubles, no sum changes
        Assert.Equal(expected2.Data, C2.Data);
        Assert.Equal(expected3.Data, C3.Data);
    }

    [Fact]
    public void A_product_over_too_few_states_names_them()
    {
        var states = new[] { new Matrix(4, 3), new Matrix(4, 3) };
        var ex = Assert.Throws<ArgumentException>(() => Blas.MulAddStates(
            [new StatesTerm(new double[2 * 6], new double[8], 2, 0), new StatesTerm(new double[6], new double[4], 1, 3)], states, 6, 4));
        Assert.Contains("term 1 of a product over 2 states of (4, 3) needs 9 rows of their transposes (shift 3)", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Blas.MulAddStates([new StatesTerm(new double[6], new double[8], 2, 0)], [new Matrix(4, 3), new Matrix(4, 2)], 3, 4));
        Assert.Contains("one is (4, 2)", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Blas.MulAddStates([new StatesTerm(new double[5], new double[8], 2, 0)], states, 3, 4));
        Assert.Contains("term 0", ex.Message);
    }

    [Theory]
    [KernelData("avx512", 21)]
    [KernelData("vector", 22)]
    [KernelData("rows", 24)]
    public void The_gradient_check_passes_on_each_kernel(string kernel, int seed)
    {
        var problem = new RandomProblem(G1: Activation.Relu, G2: Activation.Sigmoid, NX: 5, NA: 33, NY: 4, T: 4, M: 9,
            OneHot: false, Masked: true, RandomA0: true, Seed: seed);
        KernelSwitch.With(kernel, () => Assert.All(GradientCheck.Run(problem.Model, problem.X, problem.Y, problem.A0),
            r => Assert.True(r.RelativeError < 1e-6, r.ToString())));
    }

    [Theory]
    [InlineData("avx512")]
    [InlineData("Vector")]
    [InlineData("ROWS")]
    [InlineData("rows")]
    public void The_environment_variable_names_a_kernel_this_cpu_runs(string name)
    {
        var kernel = KernelSwitch.Parse(name);
        Assert.Equal(Blas.IsSupported(kernel) ? kernel : Blas.Best, Blas.ChooseKernel(name));
    }

    [Fact]
    public void An_unknown_or_missing_name_gives_the_best_kernel()
    {
        Assert.Equal(Blas.Best, Blas.ChooseKernel(null));
        Assert.Equal(Blas.Best, Blas.ChooseKernel("no-such-kernel"));
        Assert.Equal(Blas.Best, Blas.ChooseKernel("2")); // a name, not the enum's number
        Assert.True(Blas.IsSupported(Blas.Best));
    }
}
