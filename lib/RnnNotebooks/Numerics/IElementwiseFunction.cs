namespace RnnNotebooks;

/// <summary>
/// One of the <see cref="ElementwiseKernels"/> as a type, so that <see cref="Elementwise"/> writes its loop over full
/// vectors and the scalar remainder once and the JIT compiles it per function and width with the kernel inlined.
/// </summary>
internal interface IElementwiseFunction
{
    /// <summary>The function on each lane of <paramref name="x"/>.</summary>
    static abstract TVec Apply<TSimd, TVec>(TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct;
}
