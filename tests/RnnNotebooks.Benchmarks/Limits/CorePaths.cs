namespace RnnNotebooks.Benchmarks;

/// <summary>
/// Which vector width the core's products run in this process (what <see cref="Blas"/> and <see cref="Reductions"/>
/// chose from the CPU and the DOTNET_Enable* switches), so that a row is compared with the limit of its own path.
/// </summary>
internal static class CorePaths
{
    /// <summary>
    /// The width of <see cref="Blas.MulAdd(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, int)"/>
    /// for a product with <paramref name="columns"/> ≥ 2 columns (the batch m, or n_a for the weight gradients):
    /// the kernel's vectors where the columns fill one, else scalar fused multiply-adds.
    /// </summary>
    public static Width ForColumns(int columns)
    {
        var vectorT = Widths.OfVectorT;
        return Blas.Kernel switch
        {
            ProductKernel.Avx512 when columns >= (int)Width.V512 => Width.V512,
            ProductKernel.Avx512 or ProductKernel.Vector when columns >= (int)vectorT && Blas.IsSupported(ProductKernel.Vector) => vectorT,
            _ => Width.Scalar,
        };
    }

    /// <summary>The width that holds the eight partial sums of the products with one column (m = 1).</summary>
    public static Width ForOneColumn => Reductions.Lanes switch
    {
        ReductionLanes.Avx512 => Width.V512,
        ReductionLanes.Vector => Widths.OfVectorT,
        _ => Width.Scalar,
    };

    /// <summary>One line for the header: the kernels in use.</summary>
    public static string Describe() =>
        $"core products: m >= 2 {Blas.Kernel.ToString().ToLowerInvariant()} kernel ({Widths.Name(ForColumns(32))} at m = 32), " +
        $"m = 1 row dots in {Widths.Name(ForOneColumn)} ({Reductions.Lanes.ToString().ToLowerInvariant()} partials)";
}
