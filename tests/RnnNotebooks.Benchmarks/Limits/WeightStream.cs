using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RnnNotebooks.Benchmarks;

/// <summary>
/// The memory limit of a product with one column (m = 1): a streaming dot-product loop that reads a (rows, cols) double
/// matrix W once a pass, each row against the same x (Σ_i W[i, :] · x), again and again. Four rows at a time share
/// each load of x and four to eight chains run through the whole matrix (no per-row sums to hold them up), in the widest
/// vectors this process accelerates, fused where the CPU has the instruction, else a multiply and an add: the limit,
/// not the canonical order. Every weight is 8 bytes and 2 flops, so a matrix-vector product over W can reach at most
/// GB/s / 4 GFLOP/s. The matrix stays in whichever cache level its size fits.
/// </summary>
internal sealed class WeightStream
{
    private readonly double[] w;
    private readonly double[] x;
    private readonly double[] lanes = new double[8];
    private double sink;

    /// <summary>A (rows, cols) matrix of weights in [-0.5, 0.5), and x of cols.</summary>
    public WeightStream(int rows, int cols)
    {
        Rows = rows;
        Cols = cols;
        var random = new Random(1);
        w = Enumerable.Range(0, rows * cols).Select(_ => random.NextDouble() - 0.5).ToArray();
        x = Enumerable.Range(0, cols).Select(_ => random.NextDouble() - 0.5).ToArray();
    }

    /// <summary>Rows of W.</summary>
    public int Rows { get; }

    /// <summary>Columns of W.</summary>
    public int Cols { get; }

    /// <summary>Bytes of W.</summary>
    public long Bytes => 8L * Rows * Cols;

    /// <summary>GB/s of <paramref name="passes"/> passes over W, timed together. Every method of a pass is compiled fully
    /// optimized at once: the limits are measured in the first second of a run, before tiered compilation would.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Run(int passes)
    {
        long start = Stopwatch.GetTimestamp();
        for (int pass = 0; pass < passes; pass++)
        {
            sink += Pass();
        }
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return Bytes * (double)passes / seconds / 1e9;
    }

    /// <summary>The passes that take about <paramref name="milliseconds"/> (after a short trial, which also compiles the loop).</summary>
    public int PassesFor(double milliseconds)
    {
        int trial = (int)Math.Clamp(4_000_000 / Math.Max(1, Bytes), 2, 10_000);
        Run(trial);
        double gbPerS = Run(trial);
        return (int)Math.Clamp(gbPerS * 1e6 * milliseconds / Bytes, trial, int.MaxValue / 2);
    }

    /// <summary>Σ_i W[i, :] · x in the widest accelerated vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Pass()
    {
        int done = Widths.Widest switch
        {
            Width.V512 => Vectors<Simd512, Vector512<double>>(),
            Width.V256 => Vectors<Simd256, Vector256<double>>(),
            Width.V128 => Vectors<Simd128, Vector128<double>>(),
            _ => Vectors<SimdScalar, double>(),
        };
        return lanes[0] + lanes[1] + lanes[2] + lanes[3] + lanes[4] + lanes[5] + lanes[6] + lanes[7] + Rest(done);
    }

    /// <summary>
    /// The rows in groups of four and the columns 64 bytes a row at a time where one vector holds them (512-bit), else
    /// two vectors at a time: four or eight chains, whose sum is left in <see cref="lanes"/>; returns the columns done a
    /// row. No call in or after the loop, so the chains stay in registers. Of the shapes tried (one row at a time with
    /// eight chains; four rows with two 512-bit vectors, or with one 256-bit vector, a step), these streamed fastest from
    /// L1, L2 and L3 alike, and no slower than the core's own row dot products.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Vectors<TSimd, TVec>()
        where TSimd : struct, ISimd<TVec>
        where TVec : struct
    {
        int n = TSimd.Count, k = Cols, step = n >= 8 ? n : 2 * n, steps = k / step;
        ref double xs = ref MemoryMarshal.GetArrayDataReference(x);
        TVec s0 = default, s1 = default, s2 = default, s3 = default, t0 = default, t1 = default, t2 = default, t3 = default;
        for (int i = 0; i + 4 <= Rows; i += 4)
        {
            ref double w0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(w), i * k);
            ref double w1 = ref Unsafe.Add(ref w0, k);
            ref double w2 = ref Unsafe.Add(ref w0, 2 * k);
            ref double w3 = ref Unsafe.Add(ref w0, 3 * k);
            for (int v = 0; v < steps; v++)
            {
                nuint at = (nuint)(v * step);
                TVec x0 = TSimd.Load(ref xs, at);
                s0 = MulAdd<TSimd, TVec>(TSimd.Load(ref w0, at), x0, s0);
                s1 = MulAdd<TSimd, TVec>(TSimd.Load(ref w1, at), x0, s1);
                s2 = MulAdd<TSimd, TVec>(TSimd.Load(ref w2, at), x0, s2);
                s3 = MulAdd<TSimd, TVec>(TSimd.Load(ref w3, at), x0, s3);
                if (step > n) // a constant to the JIT: the second vector of narrower widths
                {
                    TVec x1 = TSimd.Load(ref xs, at + (nuint)n);
                    t0 = MulAdd<TSimd, TVec>(TSimd.Load(ref w0, at + (nuint)n), x1, t0);
                    t1 = MulAdd<TSimd, TVec>(TSimd.Load(ref w1, at + (nuint)n), x1, t1);
                    t2 = MulAdd<TSimd, TVec>(TSimd.Load(ref w2, at + (nuint)n), x1, t2);
                    t3 = MulAdd<TSimd, TVec>(TSimd.Load(ref w3, at + (nuint)n), x1, t3);
                }
            }
        }
        var sum = TSimd.Add(TSimd.Add(TSimd.Add(s0, s1), TSimd.Add(s2, s3)), TSimd.Add(TSimd.Add(t0, t1), TSimd.Add(t2, t3)));
        TSimd.Store(sum, ref MemoryMarshal.GetArrayDataReference(lanes), 0);
        return steps * step;
    }

    /// <summary>What the vectors left, one weight at a time: the columns from <paramref name="done"/> on of the rows in groups, and the rows after them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Rest(int done)
    {
        int grouped = Rows / 4 * 4;
        double s = 0;
        for (int i = done < Cols ? 0 : grouped; i < Rows; i++)
        {
            for (int j = i < grouped ? done : 0; j < Cols; j++)
            {
                s += w[i * Cols + j] * x[j];
            }
        }
        return s;
    }

    /// <summary>a b + c: fused where the CPU has the instruction (a constant to the JIT), else a multiply and an add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec MulAdd<TSimd, TVec>(TVec a, TVec b, TVec c)
        where TSimd : struct, ISimd<TVec>
        where TVec : struct =>
        Hardware.HasFusedMultiplyAdd ? TSimd.FusedMultiplyAdd(a, b, c) : TSimd.Add(TSimd.Multiply(a, b), c);
}
