using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>Tests that switch the process-wide kernel choice run alone, so no other test sees the switch.</summary>
[CollectionDefinition(nameof(KernelSwitch), DisableParallelization = true)]
public sealed class KernelSwitch;

/// <summary>The portable products (what a CPU without AVX-512 runs) against the textbook triple loop.</summary>
[Collection(nameof(KernelSwitch))]
public class PortablePathTests
{
    [Theory]
    [InlineData("vector", 5, 17, 33)]
    [InlineData("vector", 27, 64, 100)]
    [InlineData("vector", 4, 300, 40)]
    [InlineData("vector", 9, 3, 13)]
    [InlineData("rows", 5, 17, 33)]
    [InlineData("rows", 27, 64, 100)]
    public void Each_portable_kernel_equals_the_triple_loop(string kernel, int r, int k, int n) =>
        With(Blas.ChooseKernel(kernel), () => BlasTests.CheckMulAdd(r, k, n));

    [Fact]
    public void The_gradient_check_passes_on_the_vector_kernel()
    {
        var problem = new RandomProblem(G1: Activation.Relu, G2: Activation.Sigmoid, NX: 5, NA: 33, NY: 4, T: 4, M: 9,
            OneHot: false, Masked: true, RandomA0: true, Seed: 22);
        With(ProductKernel.Vector, () => Assert.All(GradientCheck.Run(problem.Model, problem.X, problem.Y, problem.A0),
            r => Assert.True(r.RelativeError < 1e-6, r.ToString())));
    }

    [Fact]
    public void The_environment_variable_names_a_kernel()
    {
        Assert.Equal(ProductKernel.Rows, Blas.ChooseKernel("rows"));
        Assert.Equal(ProductKernel.Vector, Blas.ChooseKernel("Vector"));
        Assert.Equal(Blas.ChooseKernel(null), Blas.ChooseKernel("no-such-kernel"));
    }

    private static void With(ProductKernel kernel, Action check)
    {
        var saved = Blas.Kernel;
        Blas.Kernel = kernel;
        try
        {
            check();
        }
        finally
        {
            Blas.Kernel = saved;
        }
    }
}
