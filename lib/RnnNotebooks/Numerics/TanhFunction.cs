using System.Runtime.CompilerServices;

namespace RnnNotebooks;

/// <summary>tanh(x): <see cref="ElementwiseKernels.Tanh{TSimd, TVec}"/> as an <see cref="IElementwiseFunction"/>.</summary>
internal readonly struct TanhFunction : IElementwiseFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Apply<TSimd, TVec>(TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        ElementwiseKernels.Tanh<TSimd, TVec>(x);
}
