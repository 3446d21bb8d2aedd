using System.Runtime.CompilerServices;

namespace RnnNotebooks;

/// <summary>e^x - 1: <see cref="ElementwiseKernels.Expm1{TSimd, TVec}"/> as an <see cref="IElementwiseFunction"/>.</summary>
internal readonly struct Expm1Function : IElementwiseFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Apply<TSimd, TVec>(TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        ElementwiseKernels.Expm1<TSimd, TVec>(x);
}
