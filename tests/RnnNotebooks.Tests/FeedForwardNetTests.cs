using RnnNotebooks;

namespace RnnNotebooks.Tests;

public class FeedForwardNetTests
{
    [Theory]
    [InlineData(Activation.Tanh, Activation.Softmax, 1)]
    [InlineData(Activation.Relu, Activation.Sigmoid, 5)]
    [InlineData(Activation.Tanh, Activation.Identity, 3)]
    public void Backpropagation_passes_the_gradient_check(Activation g1, Activation g2, int m)
    {
        var net = new FeedForwardNet(nIn: 7, nH: 5, nOut: 3, seed: 4, g1, g2);
        var random = new Random(9);
        var x = RandomProblem.RandomMatrix(7, m, random, 1.0);
        var y = g2 == Activation.Softmax
            ? SequenceTargets.ClassIndices([Enumerable.Range(0, m).Select(_ => random.Next(3)).ToArray()])
            : SequenceTargets.Dense([RandomProblem.RandomMatrix(3, m, random, 0.5)]);
        if (g2 == Activation.Sigmoid)
        {
            y = SequenceTargets.Dense([Matrix.FromArray(new double[3, 5] { { 1, 0, 1, 0, 1 }, { 0, 0, 1, 1, 0 }, { 1, 1, 1, 0, 0 } })]);
        }
        var (_, gradients) = net.LossAndGradients(x, y);
        var parameters = net.Tensors;
        for (int k = 0; k < parameters.Count; k++)
        {
            var r = GradientCheck.Compare(parameters[k].Name, parameters[k].Values, gradients[k].Values, () => net.Loss(x, y));
            Assert.True(r.RelativeError < 1e-6, r.ToString());
        }
    }

    [Fact]
    public void Parameter_count_grows_with_the_input_width()
    {
        // n_x = 10 one-hot tokens over sentences padded to 5 or to 50 positions, 16 hidden, 2 outputs.
        Assert.Equal(16 * 50 + 16 + 2 * 16 + 2, new FeedForwardNet(5 * 10, 16, 2, 1).Count);
        Assert.Equal(16 * 500 + 16 + 2 * 16 + 2, new FeedForwardNet(50 * 10, 16, 2, 1).Count);
    }

    [Fact]
    public void A_wrong_input_width_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() => new FeedForwardNet(6, 4, 2, 1).Forward(new Matrix(5, 3)));
        Assert.Contains("(5, 3); expected (6, 3)", e.Message);
    }
}
