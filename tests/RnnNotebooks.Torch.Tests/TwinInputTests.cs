namespace RnnNotebooks.Torch.Tests;

[Collection(TorchSeedCollection.Name)] // its twins build nn layers, which draw from torch's generator
public sealed class TwinInputTests
{
    private static readonly SequenceBatch X = SequenceBatch.OneHot(4, [[0, 1], [2, 3], [1, 1]]);
    private static readonly SequenceTargets Y = SequenceTargets.ClassIndices([[0, 1], [2, 0], [1, 2]]);

    [Fact]
    public void A_model_without_an_output_layer_is_refused()
    {
        var model = new Rnn(RecurrentParameters.Initialize(RecurrentCell.Rnn, 4, 5, 0, 1), Activation.Tanh);

        var error = Assert.Throws<ArgumentException>(() => new TorchTwin(model));

        Assert.Contains("n_y = 0", error.Message);
    }

    [Fact]
    public void nn_RNN_refuses_a_sigmoid_g1_that_the_cell_loop_accepts()
    {
        var model = Rnn.Create(4, 5, 3, 1, Activation.Sigmoid);

        var error = Assert.Throws<ArgumentException>(() => new TorchTwin(model));
        using var loop = new TorchCellLoopTwin(model);

        Assert.Contains("g1 = Tanh or Relu; this model's g1 is Sigmoid", error.Message);
        Assert.True(Parity.Compare(TwinOutputs.FromCore(model, X, Y), loop.Run(X, Y), loop.Name).AllPassed);
    }

    [Theory]
    [InlineData(TwinKind.NnModule)]
    [InlineData(TwinKind.CellLoop)]
    public void Inputs_that_do_not_fit_name_what_is_wrong(TwinKind kind)
    {
        var model = Rnn.Create(4, 5, 3, 1);
        using var twin = Parity.Twin(model, kind);

        Assert.Contains("n_x = 6", Assert.Throws<ArgumentException>(() => twin.Run(SequenceBatch.OneHot(6, [[0, 1], [2, 3], [1, 1]]), Y)).Message);
        Assert.Contains("Ty = 2", Assert.Throws<ArgumentException>(() => twin.Run(X, SequenceTargets.ClassIndices([[0, 1], [2, 0]]))).Message);
        Assert.Contains("a0 has shape (5, 3)", Assert.Throws<ArgumentException>(() => twin.Run(X, Y, new Matrix(5, 3))).Message);
        Assert.Contains("not dense ones", Assert.Throws<ArgumentException>(() => twin.Run(X, SequenceTargets.Dense([new Matrix(3, 2), new Matrix(3, 2), new Matrix(3, 2)]))).Message);
        Assert.Contains("y<2> (time step t=2) sample 1 is class 3",
            Assert.Throws<ArgumentOutOfRangeException>(() => twin.Run(X, SequenceTargets.ClassIndices([[0, 1], [2, 3], [1, 2]]))).Message);
    }

    [Fact]
    public void A_gru_twin_refuses_c0_and_the_cell_loop_refuses_a_gru()
    {
        var gru = Gru.Create(4, 5, 3, seed: 1);
        using var twin = new TorchTwin(gru);

        var error = Assert.Throws<ArgumentException>(() => twin.Run(X, Y, c0: new Matrix(5, 2)));
        var loop = Assert.Throws<ArgumentException>(() => Parity.Twin(gru, TwinKind.CellLoop));

        Assert.Equal("nn.GRU", twin.Name);
        Assert.Contains("c0 was given (5, 2), but a GRU has no cell state", error.Message);
        Assert.Contains("the cell loop writes out the RNN only; this model is a GRU", loop.Message);
    }
}
