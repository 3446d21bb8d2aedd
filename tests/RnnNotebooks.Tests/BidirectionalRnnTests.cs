using CsCheck;
using RnnNotebooks;
using Xunit.Abstractions;

namespace RnnNotebooks.Tests;

/// <summary>The bidirectional RNN: its backward pass against central differences, and padding handled per sample.</summary>
public class BidirectionalRnnTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    private static readonly Gen<TaggingProblem> Problems =
        from g1 in Gen.OneOf(Activation.Tanh, Activation.Relu)
        from g2 in Gen.OneOf(Activation.Softmax, Activation.Sigmoid, Activation.Identity)
        from nX in Gen.Int[2, 6]
        from nA in Gen.Int[1, 6]
        from nY in Gen.Int[1, 5]
        from t in Gen.Int[1, 6]
        from m in Gen.Int[1, 4]
        from oneHot in Gen.Bool
        from seed in Gen.Int[0, 1_000_000]
        select new TaggingProblem(G1: g1, G2: g2, NX: nX, NA: nA, NY: nY, T: t, M: m, OneHot: oneHot, Seed: seed);

    [Fact]
    public void Every_parameter_and_dX_pass_the_gradient_check_over_random_padded_problems()
    {
        var (problems, worst, worstCase) = GradientCheckSampling.Worst(Problems, problem => GradientCheck.Run(problem.Model, problem.X, problem.Y, problem.Lengths),
            Tolerance, iter: 150, seed: "0000000000002");
        output.WriteLine($"{problems} random bidirectional problems; worst relative error {worst:G2} ({worstCase})");
    }

    [Theory]
    [InlineData(Activation.Tanh, Activation.Softmax)]
    [InlineData(Activation.Relu, Activation.Sigmoid)]
    [InlineData(Activation.Tanh, Activation.Identity)]
    public void A_masked_batch_of_unequal_lengths_checks_every_tensor_and_every_input_step(Activation g1, Activation g2)
    {
        var problem = new TaggingProblem(G1: g1, G2: g2, NX: 4, NA: 5, NY: 3, T: 6, M: 4, OneHot: false, Seed: 21);
        Assert.Contains(problem.Lengths, length => length < 6);
        var results = GradientCheck.Run(problem.Model, problem.X, problem.Y, problem.Lengths);
        // forward.{Waa, Wax, Ba}, backward.{Waa, Wax, Ba}, Wya, By, then x<1> .. x<6>
        Assert.Equal(["forward.Waa", "forward.Wax", "forward.Ba", "backward.Waa", "backward.Wax", "backward.Ba", "Wya", "By",
            "x<1>", "x<2>", "x<3>", "x<4>", "x<5>", "x<6>"], results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.RelativeError < Tolerance, $"{problem}: {r}"));
        Assert.All(results.Take(8), r => Assert.True(r.AnalyticNorm > 0, $"{r.Name} has a zero gradient: the check would prove nothing"));
    }

    [Fact]
    public void The_backward_direction_of_a_padded_sample_is_the_rnn_run_on_its_real_tokens_reversed()
    {
        var problem = new TaggingProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 6, NA: 4, NY: 3, T: 7, M: 3, OneHot: true, Seed: 5);
        var model = problem.Model;
        var tokens = problem.Tokens;
        var cache = model.Forward(problem.X, problem.Lengths);
        int nA = model.Sizes.nA;
        for (int j = 0; j < problem.M; j++)
        {
            int length = problem.Lengths[j];
            var reversed = Enumerable.Range(1, length).Select(s => tokens[length - s][j]).ToArray(); // x<L> .. x<1>
            var alone = model.BackwardLayer.Forward(SequenceBatch.OneHot(problem.NX, reversed));
            for (int t = 1; t <= length; t++)
            {
                var expected = alone.A(length - t + 1).Column(0);                    // a_bwd<t> after reading x<L> .. x<t>
                var actual = Enumerable.Range(0, nA).Select(i => cache.A(t)[nA + i, j]).ToArray();
                Approx.Equal(expected, actual, 1e-14, $"a_bwd<{t}> of sample {j} (length {length})");
            }
        }
        Assert.Contains(problem.Lengths, length => length < problem.T);
    }

    [Theory]
    [InlineData(RecurrentCell.Rnn)]
    [InlineData(RecurrentCell.Gru)]
    [InlineData(RecurrentCell.Lstm)]
    public void Padding_changes_no_prediction_at_a_real_step(RecurrentCell cell)
    {
        var problem = new TaggingProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 6, NA: 4, NY: 3, T: 7, M: 3, OneHot: true, Seed: 9, Cell: cell);
        Assert.Contains(problem.Lengths, length => length < problem.T);
        var model = problem.Model;
        var cache = model.Forward(problem.X, problem.Lengths);
        for (int j = 0; j < problem.M; j++)
        {
            int length = problem.Lengths[j];
            var alone = model.Forward(SequenceBatch.OneHot(problem.NX, Enumerable.Range(0, length).Select(t => problem.Tokens[t][j]).ToArray()));
            for (int t = 1; t <= length; t++)
            {
                Approx.Equal(alone.YHat(t).Column(0), cache.YHat(t).Column(j), 1e-14, $"yHat<{t}> of sample {j}");
            }
        }
    }

    [Fact]
    public void A_reused_cache_and_gradients_give_the_same_values()
    {
        var problem = new TaggingProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 5, NA: 3, NY: 4, T: 5, M: 2, OneHot: true, Seed: 3);
        var (model, x, y) = (problem.Model, problem.X, problem.Y);
        var cache = model.Forward(x, problem.Lengths);
        var g = model.Backward(cache, y, computeDX: true);
        var dWya = (double[])g.dWya.Data.Clone();
        var dX = g.dX!.Select(d => (double[])d.Data.Clone()).ToArray();
        Assert.Same(cache, model.Forward(x, problem.Lengths, cache));
        Assert.Same(g, model.Backward(cache, y, computeDX: true, gradients: g));
        Assert.Equal(dWya, g.dWya.Data);
        for (int t = 0; t < dX.Length; t++)
        {
            Assert.Equal(dX[t], g.dX![t].Data);
        }
    }

    [Fact]
    public void Lengths_outside_one_to_Tx_name_the_sample()
    {
        var problem = new TaggingProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 5, NA: 3, NY: 4, T: 5, M: 2, OneHot: true, Seed: 3);
        var e = Assert.Throws<ArgumentException>(() => problem.Model.Forward(problem.X, [5, 6]));
        Assert.Contains("lengths[1] (sample 1) is 6", e.Message);
        Assert.Contains("1 .. Tx = 1 .. 5", e.Message);
        e = Assert.Throws<ArgumentException>(() => problem.Model.Forward(problem.X, [5]));
        Assert.Contains("m = 2", e.Message);
    }
}
