using System.Numerics;

namespace RnnNotebooks;

/// <summary>The vector type that holds <see cref="Reductions"/>' eight partial sums.</summary>
internal enum ReductionLanes
{
    /// <summary>One 512-bit vector.</summary>
    Avx512,

    /// <summary><see cref="Vector{T}"/>: two 256-bit vectors (AVX2) or four 128-bit vectors (ARM64 NEON).</summary>
    Vector,

    /// <summary>Eight scalars.</summary>
    Scalar,
}
