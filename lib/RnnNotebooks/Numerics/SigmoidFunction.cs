using System.Runtime.CompilerServices;

namespace RnnNotebooks;

/// <summary>the logistic function 1 / (1 + e^-x): <see cref="ElementwiseKernels.Sigmoid{TSimd, TVec}"/> as an <see cref="IElementwiseFunction"/>.</summary>
internal readonly struct SigmoidFunction : IElementwiseFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Apply<TSimd, TVec>(TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct =>
        ElementwiseKernels.Sigmoid<TSimd, TVec>(x);
}
