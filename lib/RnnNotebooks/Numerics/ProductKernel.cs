namespace RnnNotebooks;

/// <summary>Which code computes the matrix products with a batch (see <see cref="Blas.MulAdd(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, int)"/>).</summary>
internal enum ProductKernel
{
    /// <summary>4 x 4-vector tiles of 512-bit vectors (<see cref="Lanes512"/>): CPUs with AVX-512. Name: avx512.</summary>
    Avx512,

    /// <summary>4 x 3-vector tiles of <see cref="System.Numerics.Vector{T}"/> (<see cref="LanesVector"/>): AVX2, ARM64. Name: vector.</summary>
    Vector,

    /// <summary>Scalar fused multiply-adds, column by column: any CPU, the same bits as the tiles. Name: rows.</summary>
    Rows,
}
