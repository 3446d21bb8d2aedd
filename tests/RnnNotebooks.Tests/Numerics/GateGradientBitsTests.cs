using System.Runtime.Intrinsics;

namespace RnnNotebooks.Tests;

/// <summary>
/// The GRU's and the LSTM's element-wise backward steps (<see cref="GruGateGradients"/>, <see cref="LstmGateGradients"/>)
/// give, at every vector width (512, 256, 128 bits, emulated where this CPU lacks them) and in the scalar remainder,
/// the bits of the scalar loops they replaced, written out here as they were: every block length 0..40 (so each element
/// lands in a vector lane and in the remainder), random gates in (0, 1), tanh values in (-1, 1) and gradients of either sign.
/// </summary>
public class GateGradientBitsTests
{
    private const int MaxSize = 40;

    public static TheoryData<string> Widths() => new() { "512", "256", "128", "scalar" };

    [Theory]
    [MemberData(nameof(Widths))]
    public void Lstm_gate_gradients_have_the_scalar_loops_bits_at_every_width(string width)
    {
        var random = new Random(25);
        for (int size = 0; size <= MaxSize; size++)
        {
            var (gates, cPrev, tanhC, da) = (Gates(random, 4, size), Values(random, size, 3), Values(random, size, 1), Values(random, size, 2));
            var dc = Values(random, size, 2);
            var expectedDc = dc.Data.ToArray();
            var expectedDG = new double[4 * size];
            for (int k = 0; k < size; k++) // the loop LstmCell.GateGradients ran before 2026-12-08
            {
                double i = gates.Data[k], f = gates.Data[size + k], g = gates.Data[2 * size + k], o = gates.Data[3 * size + k], t = tanhC.Data[k], d = da.Data[k];
                double dck = expectedDc[k] + d * o * (1.0 - t * t);
                expectedDG[k] = dck * g * i * (1.0 - i);
                expectedDG[size + k] = dck * cPrev.Data[k] * f * (1.0 - f);
                expectedDG[2 * size + k] = dck * i * (1.0 - g * g);
                expectedDG[3 * size + k] = d * t * o * (1.0 - o);
                expectedDc[k] = dck * f;
            }
            var dG = new Matrix(4 * size, 1);
            var kernel = new LstmGateGradients(cPrev, gates, tanhC, da, dc, dG);
            Run(width, in kernel, size);
            AssertBits(expectedDG, dG.Data, $"LSTM dG, {width}, size {size}");
            AssertBits(expectedDc, dc.Data, $"LSTM dc_next, {width}, size {size}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Gru_gate_gradients_have_the_scalar_loops_bits_at_every_width(string width)
    {
        var random = new Random(26);
        for (int size = 0; size <= MaxSize; size++)
        {
            var (gates, aPrev, hn, da) = (Gates(random, 3, size), Values(random, size, 1), Values(random, size, 3), Values(random, size, 2));
            var (expectedX, expectedA, expectedPrev) = (new double[3 * size], new double[3 * size], new double[size]);
            for (int k = 0; k < size; k++) // the loop GruCell.GateGradients ran before 2026-12-08
            {
                double r = gates.Data[k], z = gates.Data[size + k], n = gates.Data[2 * size + k], dk = da.Data[k];
                double dGn = dk * (1.0 - z) * (1.0 - n * n);
                double dGz = dk * (aPrev.Data[k] - n) * z * (1.0 - z);
                double dGr = dGn * hn.Data[k] * r * (1.0 - r);
                (expectedX[k], expectedX[size + k], expectedX[2 * size + k]) = (dGr, dGz, dGn);
                (expectedA[k], expectedA[size + k], expectedA[2 * size + k]) = (dGr, dGz, dGn * r);
                expectedPrev[k] = dk * z;
            }
            var (dGx, dGa, daPrev) = (new Matrix(3 * size, 1), new Matrix(3 * size, 1), new Matrix(size, 1));
            var kernel = new GruGateGradients(aPrev, gates, hn, da, dGx, dGa, daPrev);
            Run(width, in kernel, size);
            AssertBits(expectedX, dGx.Data, $"GRU dGx, {width}, size {size}");
            AssertBits(expectedA, dGa.Data, $"GRU dGa, {width}, size {size}");
            AssertBits(expectedPrev, daPrev.Data, $"GRU daPrev, {width}, size {size}");
        }
    }

    private static void Run<TKernel>(string width, in TKernel kernel, int n) where TKernel : struct, ILanewiseKernel<TKernel>, allows ref struct
    {
        switch (width)
        {
            case "512": Lanewise.Loop<TKernel, Simd512, Vector512<double>>(in kernel, n); break;
            case "256": Lanewise.Loop<TKernel, Simd256, Vector256<double>>(in kernel, n); break;
            case "128": Lanewise.Loop<TKernel, Simd128, Vector128<double>>(in kernel, n); break;
            default: Lanewise.Loop<TKernel, SimdScalar, double>(in kernel, n); break;
        }
    }

    /// <summary>G blocks of <paramref name="size"/> gate values in (0, 1), as σ and tanh (folded into (0, 1)) leave them.</summary>
    private static Matrix Gates(Random random, int g, int size)
    {
        var m = new Matrix(g * size, 1);
        for (int i = 0; i < m.Data.Length; i++)
        {
            m.Data[i] = random.NextDouble();
        }
        return m;
    }

    private static Matrix Values(Random random, int size, double scale)
    {
        var m = new Matrix(size, 1);
        for (int i = 0; i < size; i++)
        {
            m.Data[i] = scale * (2 * random.NextDouble() - 1);
        }
        return m;
    }

    private static void AssertBits(double[] expected, double[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"{what}, [{i}]: {actual[i]:R}, the scalar loop {expected[i]:R}");
        }
    }
}
