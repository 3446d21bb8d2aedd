using System.Runtime.CompilerServices;

namespace RnnNotebooks;

/// <summary>the natural logarithm: <see cref="ElementwiseKernels.Log{TSimd, TVec}"/> as an <see cref="IElementwiseFunction"/>.</summary>
internal readonly struct LogFunction : IElementwiseFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Apply<TSimd, TVec>(TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        ElementwiseKernels.Log<TSimd, TVec>(x);
}
