namespace RnnNotebooks.Tests;

/// <summary>Tests that switch the process-wide kernel choice run alone, so no other test sees the switch.</summary>
[CollectionDefinition(nameof(KernelSwitch), DisableParallelization = true)]
public sealed class KernelSwitch;

/// <summary>The portable products (what a CPU without AVX-512 runs) against the textbook triple loop.</summary>
[Collection(nameof(KernelSwitch))]
public class PortablePathTests
{
    [Theory]
    [InlineData(5, 17, 33)]
    [InlineData(27, 64, 100)]
    [InlineData(4, 300, 40)]
    public void The_portable_path_equals_the_triple_loop(int r, int k, int n)
    {
        bool saved = Blas.UseVectorTiles;
        Blas.UseVectorTiles = false;
        try
        {
            BlasTests.CheckMulAdd(r, k, n);
        }
        finally
        {
            Blas.UseVectorTiles = saved;
        }
    }
}
