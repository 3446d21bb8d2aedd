using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>
/// <see cref="RecurrentLayer"/>: the RNN through it gives the bits of its own typed members, the LSTM's dCLast is the
/// gradient of the last cell state (checked by central differences), and a state a cell does not have is refused by name.
/// </summary>
public class RecurrentLayerTests
{
    private const double Tolerance = 1e-6;

    private static (SequenceBatch X, SequenceTargets Y) Problem(int nX, int nY, int tx, int m, int seed)
    {
        var random = new Random(seed);
        var x = SequenceBatch.OneHot(nX, Enumerable.Range(0, tx).Select(_ => Enumerable.Range(0, m).Select(_ => random.Next(nX)).ToArray()).ToArray());
        var y = SequenceTargets.ClassIndices(Enumerable.Range(0, tx).Select(_ => Enumerable.Range(0, m).Select(_ => random.Next(nY)).ToArray()).ToArray());
        return (x, y);
    }

    private static Matrix Random(int rows, int cols, int seed) => RandomProblem.RandomMatrix(rows: rows, cols: cols, random: new Random(seed), scale: 0.5);

    private static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    [Fact]
    public void An_rnn_through_the_interface_gives_the_bits_of_its_typed_members()
    {
        var (x, y) = Problem(nX: 5, nY: 4, tx: 6, m: 3, seed: 1);
        var a0 = Random(7, 3, 2);
        var typed = Rnn.Create(5, 7, 4, seed: 3);
        var layer = RecurrentLayers.Create(RecurrentCell.Rnn, 5, 7, 4, seed: 3);
        var options = new BackwardOptions { dALast = Random(7, 3, 4) };

        var typedCache = typed.Forward(x, a0);
        double typedLoss = typed.Loss(typedCache, y);
        var typedGradients = typed.Backward(typedCache, y, options);
        var cache = layer.Forward(x, a0, null, null);
        double loss = layer.Loss(cache, y);
        var gradients = layer.Backward(cache, y, options, null);

        Assert.Equal(BitConverter.DoubleToInt64Bits(typedLoss), BitConverter.DoubleToInt64Bits(loss));
        Assert.Equal(Bits(typedGradients.Tensors.SelectMany(t => t.Values)), Bits(gradients.Tensors.SelectMany(t => t.Values)));
        Assert.Equal(Bits(typedGradients.dA0.Data), Bits(gradients.dA0.Data));
        Assert.Null(gradients.dC0);
        Assert.Null(cache.LastCell);
    }

    [Theory]
    [InlineData(RecurrentCell.Gru, 11)]
    [InlineData(RecurrentCell.Lstm, 12)]
    [InlineData(RecurrentCell.Lstm, 13)]
    public void The_gradients_handed_in_at_the_last_step_pass_the_gradient_check(RecurrentCell cell, int seed)
    {
        // L = sum_t L<t>(yHat<t>, y<t>) + <Wa, a<Tx>> (+ <Wc, c<Tx>>): dALast = Wa and dCLast = Wc are its gradients at the last step.
        const int nX = 4, nA = 5, nY = 3, tx = 5, m = 2;
        var (x, y) = Problem(nX, nY, tx, m, seed);
        var layer = RecurrentLayers.Create(cell, nX, nA, nY, seed);
        var (a0, c0) = (Random(nA, m, seed + 1), cell == RecurrentCell.Lstm ? Random(nA, m, seed + 2) : null);
        var (wa, wc) = (Random(nA, m, seed + 3), Random(nA, m, seed + 4));
        double Dot(Matrix u, Matrix v) => u.Data.Zip(v.Data, (p, q) => p * q).Sum();
        double L()
        {
            var c = layer.Forward(x, a0, c0, null);
            return layer.Loss(c, y) + Dot(wa, c.Last) + (c.LastCell is { } last ? Dot(wc, last) : 0);
        }
        var cache = layer.Forward(x, a0, c0, null);
        var g = layer.Backward(cache, y, new BackwardOptions { dALast = wa, dCLast = c0 is null ? null : wc }, null);
        var analytic = g.Tensors.Select(t => t with { Values = (double[])t.Values.Clone() }).ToList();
        var (dA0, dC0) = ((double[])g.dA0.Data.Clone(), (double[]?)g.dC0?.Data.Clone());

        var results = GradientCheck.Run(layer.Parameters.Tensors, analytic, L).ToList();
        results.Add(GradientCheck.Compare("a0", a0.Data, dA0, L));
        if (c0 is not null)
        {
            results.Add(GradientCheck.Compare("c0", c0.Data, dC0!, L));
        }

        Assert.All(results, r => Assert.True(r.RelativeError < Tolerance, $"{cell}: {r}"));
        Assert.Equal(cell == RecurrentCell.Lstm, g.dC0 is not null);
    }

    [Fact]
    public void Only_an_lstm_takes_a_cell_state_and_a_wrong_one_is_named_with_its_shape()
    {
        var (x, y) = Problem(nX: 4, nY: 3, tx: 3, m: 2, seed: 5);
        var c = new Matrix(5, 2);
        foreach (var cell in new[] { RecurrentCell.Rnn, RecurrentCell.Gru })
        {
            var layer = RecurrentLayers.Create(cell, 4, 5, 3, seed: 1);
            var e = Assert.Throws<ArgumentException>(() => layer.Forward(x, null, c, null));
            Assert.Equal("c0", e.ParamName);
            var cache = layer.Forward(x, null, null, null);
            var e2 = Assert.Throws<ArgumentException>(() => layer.Backward(cache, y, new BackwardOptions { dCLast = c }, null));
            Assert.Contains("dCLast", e2.Message);
        }
        var lstm = RecurrentLayers.Create(RecurrentCell.Lstm, 4, 5, 3, seed: 1);
        var wrong = Assert.Throws<ArgumentException>(() => lstm.Forward(x, null, new Matrix(4, 2), null));
        Assert.Contains("c0", wrong.Message);
        Assert.Contains("(n_a, m)", wrong.Message);
        var lstmCache = lstm.Forward(x, null, c, null);
        var wrongLast = Assert.Throws<ArgumentException>(() => lstm.Backward(lstmCache, y, new BackwardOptions { dCLast = new Matrix(5, 3) }, null));
        Assert.Contains("dCLast", wrongLast.Message);
        Assert.Contains("(n_a, m)", wrongLast.Message);
        var gru = RecurrentLayers.Create(RecurrentCell.Gru, 4, 5, 3, seed: 1);
        var rnn = RecurrentLayers.Create(RecurrentCell.Rnn, 4, 5, 3, seed: 1);
        Assert.Equal("cache", Assert.Throws<ArgumentException>(() => gru.Backward(lstmCache, y, null, null)).ParamName);
        var otherKind = Assert.Throws<ArgumentException>(() => rnn.Loss(lstmCache, y));
        Assert.Equal("cache", otherKind.ParamName);
        Assert.Contains("RecurrentCache", otherKind.Message);
    }

    [Theory]
    [InlineData(RecurrentCell.Rnn, typeof(Rnn))]
    [InlineData(RecurrentCell.Gru, typeof(Gru))]
    [InlineData(RecurrentCell.Lstm, typeof(Lstm))]
    public void The_factory_makes_the_layer_of_each_cell(RecurrentCell cell, Type type)
    {
        var layer = RecurrentLayers.Create(cell, 3, 4, 2, seed: 1);

        Assert.IsType(type, layer);
        Assert.Equal(cell, layer.Cell);
        Assert.Equal(cell, layer.Parameters.Cell);
        Assert.Equal((3, 4, 2), layer.Sizes);
        Assert.Equal(4 * RecurrentLayers.GatesOf(cell), layer.Parameters.Tensors[cell == RecurrentCell.Rnn ? 1 : 0].Rows); // Wax: (G n_a, n_x)
    }
}
