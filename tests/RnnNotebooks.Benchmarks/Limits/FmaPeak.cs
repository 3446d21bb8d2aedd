using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnNotebooks.Benchmarks;

/// <summary>
/// The compute limit of one core at one vector width: <see cref="Chains"/> independent chains c = c a + b of fused
/// multiply-adds, held in registers (no memory traffic in the loop), enough of them to cover the instruction's latency
/// on every FMA unit. GFLOP/s counts a fused multiply-add as 2 flops per lane.
/// </summary>
internal static class FmaPeak
{
    /// <summary>Independent chains: latency (4-5 cycles) x FMA units (2) is at most 10 on current x64 and ARM64 cores,
    /// and 12 chains + 2 operands fit the 16 vector registers of AVX2.</summary>
    public const int Chains = 12;

    /// <summary>GFLOP/s of one timed run of <paramref name="steps"/> steps at <paramref name="width"/>.</summary>
    public static double Run(Width width, long steps)
    {
        long start = Stopwatch.GetTimestamp();
        double sink = width switch
        {
            Width.V512 => Vector512.Sum(Loop<Simd512, Vector512<double>>(steps)),
            Width.V256 => Vector256.Sum(Loop<Simd256, Vector256<double>>(steps)),
            Width.V128 => Vector128.Sum(Loop<Simd128, Vector128<double>>(steps)),
            _ => Loop<SimdScalar, double>(steps),
        };
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        GC.KeepAlive(sink);
        return 2.0 * Chains * (int)width * steps / seconds / 1e9;
    }

    /// <summary>The steps that take about <paramref name="milliseconds"/> at this width (after a short trial run, which also compiles the loop).</summary>
    public static long StepsFor(Width width, double milliseconds)
    {
        const long Trial = 20_000;
        Run(width, Trial);
        double gflops = Run(width, Trial);
        double stepsPerMs = gflops * 1e6 / (2.0 * Chains * (int)width);
        return Math.Max(Trial, (long)(stepsPerMs * milliseconds));
    }

    /// <summary>
    /// <see cref="Chains"/> chains c_i = c_i a + b, fused, for <paramref name="steps"/> steps; returns their sum so the
    /// JIT keeps them. a &lt; 1 and b small keep every c_i near b / (1 - a): no overflow, no subnormals.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TVec Loop<TSimd, TVec>(long steps)
        where TSimd : struct, ISimd<TVec>
        where TVec : struct
    {
        TVec a = TSimd.Create(0.999_999), b = TSimd.Create(1e-6);
        TVec c0 = TSimd.Create(0.10), c1 = TSimd.Create(0.11), c2 = TSimd.Create(0.12), c3 = TSimd.Create(0.13);
        TVec c4 = TSimd.Create(0.14), c5 = TSimd.Create(0.15), c6 = TSimd.Create(0.16), c7 = TSimd.Create(0.17);
        TVec c8 = TSimd.Create(0.18), c9 = TSimd.Create(0.19), c10 = TSimd.Create(0.20), c11 = TSimd.Create(0.21);
        for (long i = 0; i < steps; i++)
        {
            c0 = TSimd.FusedMultiplyAdd(c0, a, b); c1 = TSimd.FusedMultiplyAdd(c1, a, b); c2 = TSimd.FusedMultiplyAdd(c2, a, b);
            c3 = TSimd.FusedMultiplyAdd(c3, a, b); c4 = TSimd.FusedMultiplyAdd(c4, a, b); c5 = TSimd.FusedMultiplyAdd(c5, a, b);
            c6 = TSimd.FusedMultiplyAdd(c6, a, b); c7 = TSimd.FusedMultiplyAdd(c7, a, b); c8 = TSimd.FusedMultiplyAdd(c8, a, b);
            c9 = TSimd.FusedMultiplyAdd(c9, a, b); c10 = TSimd.FusedMultiplyAdd(c10, a, b); c11 = TSimd.FusedMultiplyAdd(c11, a, b);
        }
        TVec sum = TSimd.Add(TSimd.Add(TSimd.Add(c0, c1), TSimd.Add(c2, c3)), TSimd.Add(TSimd.Add(c4, c5), TSimd.Add(c6, c7)));
        return TSimd.Add(sum, TSimd.Add(TSimd.Add(c8, c9), TSimd.Add(c10, c11)));
    }
}
