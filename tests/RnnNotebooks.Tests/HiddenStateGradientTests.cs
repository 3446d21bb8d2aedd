using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>dL/da&lt;t&gt; kept per step (BackwardOptions.KeepDA), the quantity behind vanishing and exploding gradients.</summary>
public class HiddenStateGradientTests
{
    [Fact]
    public void Da_at_t_is_what_the_rest_of_the_sequence_sends_back_plus_the_output_at_t()
    {
        var problem = new RandomProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 5, NA: 6, NY: 5, T: 8, M: 3,
            OneHot: true, Masked: false, RandomA0: false, Seed: 17);
        var (model, x, y) = (problem.Model, problem.X, problem.Y);
        var cache = model.Forward(x);
        var g = model.Backward(cache, y, new BackwardOptions { KeepDA = true });
        Assert.Equal(8, g.dA!.Length);

        // The suffix t+1 .. T, started from a<t>, has dL_suffix/da<0> = da<t> - Wya^T dz_y<t>.
        const int t = 3;
        var suffix = model.Backward(model.Forward(x.Slice(t + 1, 8 - t), cache.A(t)), y.Slice(t + 1, 8 - t));
        var dzy = new Matrix(5, 3);
        Losses.Gradient(cache.YHat(t), y, t, dzy);
        var fromOutput = new Matrix(6, 3);
        Blas.MulAdd(model.Parameters.Wya.Transpose(), dzy, fromOutput);
        for (int i = 0; i < fromOutput.Data.Length; i++)
        {
            Assert.Equal(g.dA[t - 1].Data[i] - fromOutput.Data[i], suffix.dA0.Data[i], 1e-13);
        }
    }

    [Fact]
    public void Da0_is_Waa_transposed_times_dz1()
    {
        var problem = new RandomProblem(G1: Activation.Tanh, G2: Activation.Identity, NX: 3, NA: 4, NY: 2, T: 5, M: 2,
            OneHot: false, Masked: false, RandomA0: true, Seed: 8);
        var (model, x, y) = (problem.Model, problem.X, problem.Y);
        var cache = model.Forward(x, problem.A0);
        var g = model.Backward(cache, y, new BackwardOptions { KeepDA = true });
        var dz1 = g.dA![0].Clone();
        Activations.MultiplyByDerivative(Activation.Tanh, cache.A(1).Data, dz1.Data); // dz<1> = da<1> ⊙ (1 - a<1>²)
        var expected = new Matrix(4, 2);
        Blas.MulAdd(model.Parameters.Waa.Transpose(), dz1, expected);
        Approx.Equal(expected: expected.Data, actual: g.dA0.Data, tolerance: 1e-14, what: "dA0");
    }

    [Fact]
    public void Without_the_option_nothing_is_kept()
    {
        var problem = new RandomProblem(G1: Activation.Relu, G2: Activation.Sigmoid, NX: 3, NA: 4, NY: 2, T: 5, M: 2,
            OneHot: true, Masked: true, RandomA0: false, Seed: 2);
        var g = problem.Model.Backward(problem.Model.Forward(problem.X), problem.Y);
        Assert.Null(g.dA);
        Assert.Null(g.dX);
    }
}
