using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>The bidirectional wrapper over GRU and LSTM directions: BPTT with masks against central differences, the RNN through the new path, files (padding: <see cref="BidirectionalRnnTests"/>).</summary>
public class GatedBidirectionalTests
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData(RecurrentCell.Gru, Activation.Softmax, false, 21)]
    [InlineData(RecurrentCell.Gru, Activation.Sigmoid, true, 22)]
    [InlineData(RecurrentCell.Lstm, Activation.Softmax, false, 23)]
    [InlineData(RecurrentCell.Lstm, Activation.Identity, true, 24)]
    public void A_masked_batch_of_unequal_lengths_checks_every_tensor_and_every_input_step(RecurrentCell cell, Activation g2, bool oneHot, int seed)
    {
        var problem = new TaggingProblem(G1: Activation.Tanh, G2: g2, NX: 4, NA: 3, NY: 3, T: 5, M: 4, OneHot: oneHot, Seed: seed, Cell: cell);
        Assert.Contains(problem.Lengths, length => length < 5);

        var results = GradientCheck.Run(problem.Model, problem.X, problem.Y, problem.Lengths);

        string[] tensors = ["forward.Wax", "forward.Waa", "forward.Bax", "forward.Baa", "backward.Wax", "backward.Waa", "backward.Bax", "backward.Baa", "Wya", "By"];
        Assert.Equal(oneHot ? tensors : [.. tensors, "x<1>", "x<2>", "x<3>", "x<4>", "x<5>"], results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.RelativeError < Tolerance, $"{problem}: {r}"));
        Assert.All(results.Take(10), r => Assert.True(r.AnalyticNorm > 0, $"{r.Name} has a zero gradient: the check would prove nothing"));
    }

    [Fact]
    public void An_rnn_model_made_through_the_cell_factory_has_the_bits_of_the_old_one()
    {
        var problem = new TaggingProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 5, NA: 4, NY: 3, T: 6, M: 3, OneHot: true, Seed: 3);
        var old = BidirectionalRnn.Create(5, 4, 3, seed: 8);
        var generic = BidirectionalRnn.Create(5, 4, 3, seed: 8, cell: RecurrentCell.Rnn);

        var (oldLoss, oldGradients) = old.LossAndGradients(problem.X, problem.Y, problem.Lengths);
        var (loss, gradients) = generic.LossAndGradients(problem.X, problem.Y, problem.Lengths);

        Assert.Equal(BitConverter.DoubleToInt64Bits(oldLoss), BitConverter.DoubleToInt64Bits(loss));
        Assert.Equal(oldGradients.Tensors.Select(t => t.Name), gradients.Tensors.Select(t => t.Name));
        Assert.Equal(oldGradients.Tensors.SelectMany(t => t.Values).Select(BitConverter.DoubleToInt64Bits),
            gradients.Tensors.SelectMany(t => t.Values).Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Directions_of_different_cells_or_with_an_output_layer_are_refused_by_name()
    {
        var (gru, lstm) = (RecurrentParameters.Initialize(RecurrentCell.Gru, 4, 5, 0, 1), RecurrentParameters.Initialize(RecurrentCell.Lstm, 4, 5, 0, 2));
        var mixed = Assert.Throws<ArgumentException>(() => new BidirectionalRnnParameters(gru, lstm, new Matrix(3, 10), new double[3]));
        Assert.Equal("backward", mixed.ParamName);
        Assert.Contains("Lstm", mixed.Message);
        Assert.Contains("Gru", mixed.Message);
        var headed = Assert.Throws<ArgumentException>(() => new BidirectionalRnnParameters(RecurrentParameters.Initialize(RecurrentCell.Gru, 4, 5, 2, 1), gru, new Matrix(3, 10), new double[3]));
        Assert.Contains("n_y = 2", headed.Message);
        var wide = Assert.Throws<ArgumentException>(() => new BidirectionalRnnParameters(gru, gru, new Matrix(3, 8), new double[3]));
        Assert.Contains("Wya", wide.Message);
        Assert.Contains("(n_y, 2 n_a)", wide.Message);
    }

    [Theory]
    [InlineData(RecurrentCell.Gru)]
    [InlineData(RecurrentCell.Lstm)]
    public void A_saved_gated_model_loads_back_bit_for_bit(RecurrentCell cell)
    {
        using var folder = new TemporaryFolder("gated-bidirectional");
        Directory.CreateDirectory(folder.Path);
        var model = BidirectionalRnn.Create(5, 4, 3, seed: 2, cell: cell);
        string path = Path.Combine(folder.Path, "tagger.safetensors");
        model.Parameters.Save(path, "tagger");

        var loaded = BidirectionalRnnParameters.Load(path, "tagger");

        Assert.Equal(cell, loaded.Cell);
        Assert.Equal(model.Parameters.Tensors.Select(t => t.Name), loaded.Tensors.Select(t => t.Name));
        Assert.Equal(model.Parameters.Tensors.SelectMany(t => t.Values), loaded.Tensors.SelectMany(t => t.Values));
        Assert.Equal(cell, new BidirectionalRnn(loaded).ForwardLayer.Cell);
    }
}
