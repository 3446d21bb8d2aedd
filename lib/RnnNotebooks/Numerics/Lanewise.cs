using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnNotebooks;

/// <summary>
/// Runs an <see cref="ILanewiseKernel{TSelf}"/> over n elements on the widest vectors this CPU accelerates (512, 256 or 128
/// bits where fused multiply-add is an instruction, else none), then one element at a time over the remainder. The
/// JIT compiles the loop per kernel with the kernel's body inlined, and keeps only the branch of this CPU.
/// </summary>
internal static class Lanewise
{
    /// <summary>kernel.Run at k = 0, w, 2w, ... over the full vectors of width w, then at each element left over.</summary>
    public static void For<TKernel>(in TKernel kernel, int n) where TKernel : struct, ILanewiseKernel<TKernel>, allows ref struct
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Loop<TKernel, Simd512, Vector512<double>>(in kernel, n);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Loop<TKernel, Simd256, Vector256<double>>(in kernel, n);
        }
        else if (Vector128.IsHardwareAccelerated && Hardware.HasFusedMultiplyAdd)
        {
            Loop<TKernel, Simd128, Vector128<double>>(in kernel, n);
        }
        else
        {
            Loop<TKernel, SimdScalar, double>(in kernel, n);
        }
    }

    /// <summary>The loop on <typeparamref name="TSimd"/>'s vectors, whatever the CPU accelerates (the tests run every width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // compiled optimized once: tiered and profiled, this loop ran the element-wise maps up to a third slower, and unevenly from run to run (measured 2026-12-08)
    internal static void Loop<TKernel, TSimd, TVec>(in TKernel kernel, int n)
        where TKernel : struct, ILanewiseKernel<TKernel>, allows ref struct where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        nuint length = (nuint)n, count = (nuint)TSimd.Count, k = 0;
        for (; k + count <= length; k += count)
        {
            TKernel.Run<TSimd, TVec>(in kernel, k);
        }
        for (; k < length; k++)
        {
            TKernel.Run<SimdScalar, double>(in kernel, k);
        }
    }
}
