using Xunit.Abstractions;
using CsCheck;
using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>BPTT against central differences, for every parameter, over many random shapes and seeds.</summary>
public class GradientCheckTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    private static readonly Gen<RandomProblem> Problems =
        from g1 in Gen.OneOf(Activation.Tanh, Activation.Relu)
        from g2 in Gen.OneOf(Activation.Softmax, Activation.Sigmoid, Activation.Identity)
        from nX in Gen.Int[1, 6]
        from nA in Gen.Int[1, 7]
        from nY in Gen.Int[1, 5]
        from t in Gen.Int[1, 7]
        from m in Gen.Int[1, 4]
        from oneHot in Gen.Bool
        from masked in Gen.Bool
        from randomA0 in Gen.Bool
        from seed in Gen.Int[0, 1_000_000]
        select new RandomProblem(G1: g1, G2: g2, NX: nX, NA: nA, NY: nY, T: t, M: m,
            OneHot: oneHot, Masked: masked, RandomA0: randomA0, Seed: seed);

    [Fact]
    public void Every_parameter_passes_the_gradient_check_over_random_problems()
    {
        var (problems, worst, worstCase) = GradientCheckSampling.Worst(Problems, problem => GradientCheck.Run(problem.Model, problem.X, problem.Y, problem.A0),
            Tolerance, iter: 300, seed: "0000000000001");
        output.WriteLine($"{problems} random problems; worst relative error {worst:G2} ({worstCase})");
    }

    [Theory]
    [InlineData(Activation.Tanh, Activation.Softmax, 1, false)]
    [InlineData(Activation.Tanh, Activation.Softmax, 4, true)]
    [InlineData(Activation.Relu, Activation.Softmax, 3, true)]
    [InlineData(Activation.Tanh, Activation.Sigmoid, 1, false)]
    [InlineData(Activation.Relu, Activation.Sigmoid, 2, true)]
    [InlineData(Activation.Tanh, Activation.Identity, 3, false)]
    [InlineData(Activation.Relu, Activation.Identity, 1, true)]
    public void Named_cases_pass_with_a0_and_dense_inputs(Activation g1, Activation g2, int m, bool masked)
    {
        var problem = new RandomProblem(G1: g1, G2: g2, NX: 4, NA: 5, NY: 3, T: 6, M: m,
            OneHot: false, Masked: masked, RandomA0: true, Seed: 11);
        var results = GradientCheck.Run(problem.Model, problem.X, problem.Y, problem.A0);
        // Waa, Wax, Wya, Ba, By, a0 and x<1> .. x<6> are all checked
        Assert.Equal(5 + 1 + 6, results.Count);
        Assert.All(results, r => Assert.True(r.RelativeError < Tolerance, $"{problem}: {r}"));
    }

    [Fact]
    public void The_check_flags_a_wrong_gradient()
    {
        // A check that cannot fail proves nothing: the BPTT gradient of Waa passes, the same with one
        // value off by 1e-3 does not.
        var problem = new RandomProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 3, NA: 4, NY: 3, T: 5, M: 2,
            OneHot: true, Masked: false, RandomA0: false, Seed: 5);
        var model = problem.Model;
        var (x, y) = (problem.X, problem.Y);
        var dWaa = model.Backward(model.Forward(x), y).dWaa.Data;
        double L() => model.Loss(model.Forward(x), y);

        Assert.True(GradientCheck.Compare("Waa", model.Parameters.Waa.Data, dWaa, L).RelativeError < Tolerance);
        var wrong = (double[])dWaa.Clone();
        wrong[5] += 1e-3;
        var flagged = GradientCheck.Compare("Waa", model.Parameters.Waa.Data, wrong, L);
        Assert.True(flagged.RelativeError > 1e-4, flagged.ToString());
        Assert.Equal(1e-3, flagged.MaxAbsoluteDifference, 1e-8);
    }
}
