namespace RnnNotebooks.Torch.Tests;

/// <summary>
/// <see cref="TorchTrainingStep"/>, the libtorch side of the speed comparison, builds nn.RNN, nn.GRU or nn.LSTM from one
/// core layer: its loss must be the core's loss on the same batch, for every cell (the weights copied one to one,
/// bias_hh = 0 for the RNN's one bias).
/// </summary>
[Collection(TorchSeedCollection.Name)] // it builds nn layers, which draw from torch's generator
public sealed class TorchTrainingStepTests
{
    [Theory]
    [InlineData(RecurrentCell.Rnn)]
    [InlineData(RecurrentCell.Gru)]
    [InlineData(RecurrentCell.Lstm)]
    public void The_libtorch_step_computes_the_core_loss_for_every_cell(RecurrentCell cell)
    {
        var layer = RecurrentLayers.Create(cell, nX: 6, nA: 5, nY: 6, seed: 3);
        var random = new Random(4);
        int[][] Draw() => Enumerable.Range(0, 7).Select(_ => Enumerable.Range(0, 3).Select(_ => random.Next(6)).ToArray()).ToArray();
        var (x, y) = (SequenceBatch.OneHot(6, Draw()), SequenceTargets.ClassIndices(Draw()));
        double core = layer.Loss(layer.Forward(x), y);

        using var step = new TorchTrainingStep(layer, x, y);
        double torch = step.Run();

        Assert.True(Math.Abs(torch - core) <= 1e-12 * Math.Abs(core), $"{cell}: libtorch {torch:R}, core {core:R}");
    }

    [Fact]
    public void A_relu_rnn_runs_as_nn_RNN_with_relu()
    {
        var layer = Rnn.Create(4, 5, 4, seed: 2, g1: Activation.Relu);
        var (x, y) = (SequenceBatch.OneHot(4, [[0, 1], [2, 3], [1, 1]]), SequenceTargets.ClassIndices([[0, 1], [2, 0], [1, 2]]));

        using var step = new TorchTrainingStep(layer, x, y);

        Assert.Equal(layer.Loss(layer.Forward(x), y), step.Run(), 1e-12);
    }
}
