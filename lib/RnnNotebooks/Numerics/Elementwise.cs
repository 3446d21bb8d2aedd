using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RnnNotebooks;

/// <summary>
/// The core's element-wise exp, tanh and sigmoid on spans, in place of TensorPrimitives' (whose vector lanes and
/// scalar remainder compute differently, and whose width depends on the CPU). Each runs the widest vectors this CPU
/// accelerates (512, 256 or 128 bits where fused multiply-add is an instruction, else none) over the full vectors, then <see cref="SimdScalar"/> over the
/// remainder; every lane and the remainder compute <see cref="CanonicalMath"/>'s algorithm, so y[i] has the same bits
/// as CanonicalMath of x[i] whatever the width, position, instruction set or operating system.
/// </summary>
public static class Elementwise
{
    /// <summary>y[i] = e^x[i] (<see cref="CanonicalMath.Exp"/>). <paramref name="y"/> may be <paramref name="x"/> itself.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or the spans overlap other than exactly.</exception>
    public static void Exp(ReadOnlySpan<double> x, Span<double> y) => Widest<ExpFunction>(x, y);

    /// <summary>y[i] = tanh(x[i]) (<see cref="CanonicalMath.Tanh"/>). <paramref name="y"/> may be <paramref name="x"/> itself.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or the spans overlap other than exactly.</exception>
    public static void Tanh(ReadOnlySpan<double> x, Span<double> y) => Widest<TanhFunction>(x, y);

    /// <summary>y[i] = 1 / (1 + e^-x[i]) (<see cref="CanonicalMath.Sigmoid"/>). <paramref name="y"/> may be <paramref name="x"/> itself.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or the spans overlap other than exactly.</exception>
    public static void Sigmoid(ReadOnlySpan<double> x, Span<double> y) => Widest<SigmoidFunction>(x, y);

    /// <summary><see cref="Exp(ReadOnlySpan{double}, Span{double})"/> on <typeparamref name="TSimd"/>'s vectors, whatever the CPU accelerates (for tests).</summary>
    internal static void Exp<TSimd, TVec>(ReadOnlySpan<double> x, Span<double> y) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        Map<ExpFunction, TSimd, TVec>(x, y);

    /// <summary>y[i] = e^x[i] - 1 (<see cref="CanonicalMath.Expm1"/>) on <typeparamref name="TSimd"/>'s vectors (for tests).</summary>
    internal static void Expm1<TSimd, TVec>(ReadOnlySpan<double> x, Span<double> y) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        Map<Expm1Function, TSimd, TVec>(x, y);

    /// <summary><see cref="Tanh(ReadOnlySpan{double}, Span{double})"/> on <typeparamref name="TSimd"/>'s vectors, whatever the CPU accelerates (for tests).</summary>
    internal static void Tanh<TSimd, TVec>(ReadOnlySpan<double> x, Span<double> y) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        Map<TanhFunction, TSimd, TVec>(x, y);

    /// <summary><see cref="Sigmoid(ReadOnlySpan{double}, Span{double})"/> on <typeparamref name="TSimd"/>'s vectors, whatever the CPU accelerates (for tests).</summary>
    internal static void Sigmoid<TSimd, TVec>(ReadOnlySpan<double> x, Span<double> y) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        Map<SigmoidFunction, TSimd, TVec>(x, y);

    /// <summary>y[i] = log(x[i]) (<see cref="CanonicalMath.Log"/>) on <typeparamref name="TSimd"/>'s vectors (for tests).</summary>
    internal static void Log<TSimd, TVec>(ReadOnlySpan<double> x, Span<double> y) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        Map<LogFunction, TSimd, TVec>(x, y);

    /// <summary><typeparamref name="TFunction"/> on the widest vectors this CPU accelerates (the JIT keeps only that branch).</summary>
    private static void Widest<TFunction>(ReadOnlySpan<double> x, Span<double> y) where TFunction : struct, IElementwiseFunction
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Map<TFunction, Simd512, Vector512<double>>(x, y);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Map<TFunction, Simd256, Vector256<double>>(x, y);
        }
        else if (Vector128.IsHardwareAccelerated && Hardware.HasFusedMultiplyAdd)
        {
            Map<TFunction, Simd128, Vector128<double>>(x, y);
        }
        else
        {
            Map<TFunction, SimdScalar, double>(x, y);
        }
    }

    /// <summary>
    /// y[i] = <typeparamref name="TFunction"/>(x[i]): full vectors of <typeparamref name="TSimd"/>, then the remainder
    /// one double at a time with <see cref="SimdScalar"/>. Each block is read before it is written, so y may be x.
    /// </summary>
    private static void Map<TFunction, TSimd, TVec>(ReadOnlySpan<double> x, Span<double> y)
        where TFunction : struct, IElementwiseFunction where TSimd : struct, ISimd<TVec> where TVec : struct
    {
        Guard.Length(y, x.Length, nameof(y), "the length of x");
        if (x.Overlaps(y, out int offset) && offset != 0)
        {
            throw new ArgumentException($"{nameof(y)} overlaps {nameof(x)} {offset} elements apart; it must be x itself or separate memory.", nameof(y));
        }
        ref double source = ref MemoryMarshal.GetReference(x);
        ref double destination = ref MemoryMarshal.GetReference(y);
        nuint length = (nuint)x.Length, count = (nuint)TSimd.Count, i = 0;
        for (; i + count <= length; i += count)
        {
            TSimd.Store(TFunction.Apply<TSimd, TVec>(TSimd.Load(ref source, i)), ref destination, i);
        }
        for (; i < length; i++)
        {
            Unsafe.Add(ref destination, i) = TFunction.Apply<SimdScalar, double>(Unsafe.Add(ref source, i));
        }
    }
}
