namespace RnnNotebooks.Benchmarks;

/// <summary>A vector width the CPU may run fused multiply-adds in: one double, or 2, 4 or 8 doubles a vector.</summary>
internal enum Width
{
    /// <summary>One double: <see cref="Math.FusedMultiplyAdd"/>.</summary>
    Scalar = 1,

    /// <summary>Vector128 (SSE, ARM64 NEON): 2 doubles.</summary>
    V128 = 2,

    /// <summary>Vector256 (AVX2): 4 doubles.</summary>
    V256 = 4,

    /// <summary>Vector512 (AVX-512): 8 doubles.</summary>
    V512 = 8,
}
