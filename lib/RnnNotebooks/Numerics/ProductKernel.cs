namespace RnnNotebooks;

/// <summary>Which code computes the matrix products with a batch (n ≥ 8 columns).</summary>
internal enum ProductKernel
{
    /// <summary>4 x 32 tiles on 512-bit vectors (<see cref="PanelKernel"/>): CPUs with AVX-512.</summary>
    Avx512,

    /// <summary>4 x 3-vector tiles on <see cref="System.Numerics.Vector{T}"/> (<see cref="VectorKernel"/>): AVX2, ARM64.</summary>
    Vector,

    /// <summary>Row by row with TensorPrimitives: any CPU.</summary>
    Rows,
}
