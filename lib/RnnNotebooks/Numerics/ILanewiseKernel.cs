namespace RnnNotebooks;

/// <summary>
/// The body of an element-wise loop over one or more spans, written once over <see cref="ISimd{TVec}"/>:
/// <see cref="Lanewise.For{TKernel}"/> runs it on the widest vectors the CPU accelerates over the full vectors, then on
/// <see cref="SimdScalar"/> over the remainder. Every lane computes the same IEEE operations in the same order as the
/// scalar remainder, so an element's bits do not depend on the width or on where it sits in the span.
/// </summary>
internal interface ILanewiseKernel<TSelf> where TSelf : ILanewiseKernel<TSelf>, allows ref struct
{
    /// <summary>
    /// Elements <paramref name="k"/> .. <paramref name="k"/> + TSimd.Count - 1 of <paramref name="kernel"/>'s spans: read
    /// them, compute, write them. Static, so that the JIT resolves and inlines it for each kernel and width (an instance
    /// method with type parameters of its own would be called through a run-time lookup).
    /// </summary>
    static abstract void Run<TSimd, TVec>(in TSelf kernel, nuint k) where TSimd : struct, ISimd<TVec> where TVec : struct;
}
