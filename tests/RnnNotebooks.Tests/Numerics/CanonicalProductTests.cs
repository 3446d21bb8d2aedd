using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>
/// Every product kernel and every width of the reductions gives the canonical order's bits (<see cref="CanonicalOrder"/>)
/// on odd shapes: the numbers of a model do not depend on the CPU's vector width.
/// </summary>
[Collection(nameof(KernelSwitch))]
public class CanonicalProductTests
{
    /// <summary>The column counts of the issue: one, a few, around each vector width (2, 4, 8) and a tile.</summary>
    private static readonly int[] Columns = [1, 2, 7, 9, 15, 17, 33];

    public static TheoryData<string> Kernels() => new(Enum.GetNames<ProductKernel>().Select(n => n.ToLowerInvariant()));

    public static TheoryData<string> Lanes() => new(Enum.GetNames<ReductionLanes>());

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Each_kernel_gives_the_canonical_bits(string kernel)
    {
        if (!Blas.IsSupported(KernelSwitch.Parse(kernel)))
        {
            return; // the vectors of this kernel would be emulated here; the other rows and the child-process test cover it
        }
        KernelSwitch.With(kernel, () =>
        {
            foreach (var lanes in Enum.GetValues<ReductionLanes>())
            {
                WithLanes(lanes, () =>
                {
                    foreach (int n in Columns)
                    {
                        for (int k = 1; k <= 70; k++)
                        {
                            CheckBits(r: 1 + (k * 7 + n) % 9, k, n, $"{kernel}, {lanes}");
                        }
                    }
                });
            }
        });
    }

    [Theory]
    [MemberData(nameof(Lanes))]
    public void Each_width_of_the_reductions_gives_the_canonical_bits(string lanes)
    {
        WithLanes(Enum.Parse<ReductionLanes>(lanes), () =>
        {
            var random = new Random(5);
            for (int n = 0; n <= 70; n++)
            {
                var x = Values(n, random);
                var y = Values(n, random);
                Same(CanonicalOrder.Dot(x, y), Reductions.Dot(x, y), $"Dot, n = {n}, {lanes}");
                Same(CanonicalOrder.Sum(x), Reductions.Sum(x), $"Sum, n = {n}, {lanes}");
                Same(CanonicalOrder.Dot(x, x), Reductions.SumOfSquares(x), $"SumOfSquares, n = {n}, {lanes}");
            }
        });
    }

    [Theory]
    [MemberData(nameof(Lanes))]
    public void Row_sums_of_each_width_are_the_canonical_sum_of_each_row(string lanes)
    {
        WithLanes(Enum.Parse<ReductionLanes>(lanes), () =>
        {
            var random = new Random(6);
            foreach (int r in new[] { 1, 3, 4, 5, 9 })
            {
                for (int n = 1; n <= 70; n++)
                {
                    var D = Values(r * n, random);
                    var db = Values(r, random);
                    var expected = db.Select((d, i) => d + CanonicalOrder.Sum(D.AsSpan(i * n, n).ToArray())).ToArray();
                    Blas.AddRowSums(D, r, n, db);
                    for (int i = 0; i < r; i++)
                    {
                        Same(expected[i], db[i], $"AddRowSums row {i} of ({r}, {n}), {lanes}");
                    }
                }
            }
        });
    }

    [Fact]
    public void The_tree_is_the_stated_one()
    {
        // 1e16 + 1 - 1e16 depends on the order: the partials 1e16 (index 0), 1 (index 4), -1e16 (index 2) meet as
        // (1e16 + 1) + (-1e16) = 0 in the fixed tree (1 is lost when added to 1e16), not 1.
        double[] x = [1e16, 0, -1e16, 0, 1, 0, 0, 0];
        Assert.Equal(0.0, Reductions.Sum(x));
        Assert.Equal(0.0, CanonicalOrder.Sum(x));
    }

    private static void CheckBits(int r, int k, int n, string where)
    {
        var random = new Random(r * 10_000 + k * 100 + n);
        var (A, B, C) = (Random(r, k, random), Random(k, n, random), Random(r, n, random));
        var expected = CanonicalOrder.MulAdd(A, B, C);
        Blas.MulAdd(A, B, C);
        for (int i = 0; i < expected.Length; i++)
        {
            Same(expected[i], C.Data[i], $"C ({r}x{k} · {k}x{n}) element {i}, {where}");
        }
    }

    private static Matrix Random(int rows, int cols, Random random) => new(rows, cols, Values(rows * cols, random));

    /// <summary>Values of mixed signs and magnitudes, so that every change of order changes the last bits.</summary>
    private static double[] Values(int n, Random random) =>
        Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4))).ToArray();

    private static void Same(double expected, double actual, string where) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{where}: expected {expected:R}, got {actual:R}");

    private static void WithLanes(ReductionLanes lanes, Action check)
    {
        var saved = Reductions.Lanes;
        Reductions.Lanes = lanes;
        try
        {
            check();
        }
        finally
        {
            Reductions.Lanes = saved;
        }
    }
}
