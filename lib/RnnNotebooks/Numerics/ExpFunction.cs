using System.Runtime.CompilerServices;

namespace RnnNotebooks;

/// <summary>e^x: <see cref="ElementwiseKernels.Exp{TSimd, TVec}"/> as an <see cref="IElementwiseFunction"/>.</summary>
internal readonly struct ExpFunction : IElementwiseFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Apply<TSimd, TVec>(TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        ElementwiseKernels.Exp<TSimd, TVec>(x);
}
