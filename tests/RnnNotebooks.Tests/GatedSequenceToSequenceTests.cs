using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>
/// Encoder-decoders with GRU and LSTM cells: BPTT end to end against central differences (the LSTM's dc flowing back into
/// the encoder through dCLast), decoding, and the RNN through the new path giving the old bits.
/// </summary>
public class GatedSequenceToSequenceTests
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData(CellKind.Gru, 1)]
    [InlineData(CellKind.Gru, 2)]
    [InlineData(CellKind.Lstm, 1)]
    [InlineData(CellKind.Lstm, 2)]
    public void Every_parameter_of_a_gated_encoder_decoder_passes_the_gradient_check(CellKind cell, int seed)
    {
        var model = EncoderDecoder.Create(nX: 6, nA: 5, nY: 4, seed, cell);

        var results = SequenceToSequenceGradientTests.Check(model, seed);

        Assert.Equal(12, results.Count); // encoder and decoder: Wax, Waa, Bax, Baa, Wya, By each
        Assert.All(results, r => Assert.True(r.RelativeError < Tolerance, $"{cell}: {r}"));
        Assert.All(results.Where(r => r.Name is "encoder.Wax" or "encoder.Waa" or "encoder.Bax"),
            r => Assert.True(r.AnalyticNorm > 1e-4, $"no gradient reached {r.Name} through dA0 (and dC0)"));
    }

    [Fact]
    public void The_lstm_encoder_hands_over_its_cell_state_and_gets_its_gradient_back()
    {
        var model = EncoderDecoder.Create(nX: 6, nA: 5, nY: 4, seed: 3, CellKind.Lstm);
        var (x, yIn, y) = SequenceToSequenceGradientTests.Batch(6, 4, 3);
        var (encoded, decoded) = model.Forward(x, yIn);
        Assert.Equal(encoded.LastCell!.Data, ((GatedCache)decoded).C(0).Data); // c_dec<0> = c<Tx>

        // dL/dc<Tx> reaches the encoder only through dCLast: without it the encoder's gradient differs from the model's,
        // which the gradient check above shows to be the true one.
        var lstm = (Lstm)model.EncoderLayer;
        var decoderGradients = model.DecoderLayer.Backward(decoded, y, null, null);
        Assert.True(decoderGradients.dC0!.Data.Any(v => Math.Abs(v) > 1e-6), "the decoder sent no gradient to c_dec<0>");
        var withC = lstm.Backward((GatedCache)encoded, null, new BackwardOptions { dALast = decoderGradients.dA0, dCLast = decoderGradients.dC0 });
        var withoutC = lstm.Backward((GatedCache)encoded, null, new BackwardOptions { dALast = decoderGradients.dA0 });
        Assert.NotEqual(withC.dWax.Data, withoutC.dWax.Data);

        model.LossAndGradients(x, yIn, y);
        var fromModel = model.GradientTensors.Single(t => t.Name == "encoder.dWax").Values;
        Assert.Equal(withC.dWax.Data, fromModel);
    }

    [Theory]
    [InlineData(CellKind.Gru)]
    [InlineData(CellKind.Lstm)]
    public void Greedy_decoding_follows_the_teacher_forced_forward_pass(CellKind cell)
    {
        var model = EncoderDecoder.Create(nX: 6, nA: 5, nY: 4, seed: 4, cell);
        int[] source = [1, 4, 2, 5];
        var hypothesis = SequenceSearch.Greedy(model.Decoder(source), start: 0, end: 3, maxLength: 6);
        int[] written = [.. hypothesis.Tokens];
        int[] inputs = [0, .. written[..^1]];

        var (_, decoded) = model.Forward(SequenceBatch.OneHot(6, source), SequenceBatch.OneHot(4, inputs));

        for (int t = 1; t <= written.Length; t++)
        {
            var yHat = decoded.YHat(t).Column(0);
            Assert.Equal(Array.IndexOf(yHat, yHat.Max()), written[t - 1]); // greedy takes the argmax given what it wrote
        }
    }

    [Fact]
    public void An_rnn_encoder_decoder_through_the_new_path_has_the_bits_of_the_old_one()
    {
        var (x, yIn, y) = SequenceToSequenceGradientTests.Batch(6, 4, 5);
        var old = new EncoderDecoder(RnnParameters.Initialize(6, 5, 0, 7), RnnParameters.Initialize(4, 5, 4, 8));
        var generic = EncoderDecoder.Create(6, 5, 4, seed: 7, CellKind.Rnn);

        double oldLoss = old.LossAndGradients(x, yIn, y), loss = generic.LossAndGradients(x, yIn, y);

        Assert.Equal(BitConverter.DoubleToInt64Bits(oldLoss), BitConverter.DoubleToInt64Bits(loss));
        Assert.Equal(old.GradientTensors.SelectMany(t => t.Values), generic.GradientTensors.SelectMany(t => t.Values));
        // The step decoder's log-probabilities: the RNN step written out, s<1> = tanh(Waa s<0> + Wax y<0> + ba), z = Wya s<1> + by.
        var p = generic.DecoderRnn.Parameters;
        var s0 = generic.Encode([1, 2, 3]);
        var (s1, logits, yHat) = (new Matrix(5, 1), new Matrix(4, 1), new Matrix(4, 1));
        RnnCell.Step(p, Activation.Tanh, s0, [0], s1);
        RnnCell.Output(p, Activation.Softmax, s1, logits, yHat);
        var decoder = generic.Decoder([1, 2, 3]);
        var (logProbabilities, next) = decoder.Step(decoder.Initial, 0);
        Assert.Equal(LogSoftmax.OfColumn(logits), logProbabilities);
        Assert.Equal(s1.Data, ((RecurrentState)next).A.Data);
    }

    [Fact]
    public void Encoder_and_decoder_of_different_cells_are_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => new EncoderDecoder(GatedParameters.Initialize(3, 6, 5, 0, 1), GatedParameters.Initialize(4, 4, 5, 4, 2)));
        Assert.Contains("Gru", e.Message);
        Assert.Contains("Lstm", e.Message);
        Assert.Throws<InvalidOperationException>(() => EncoderDecoder.Create(6, 5, 4, 1, CellKind.Gru).DecoderRnn);
    }
}
