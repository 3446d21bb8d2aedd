using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>
/// Encoder-decoders with GRU and LSTM cells: BPTT end to end against central differences (the LSTM's dc flowing back into
/// the encoder through dCLast), decoding, and Create giving the bits of a model built from its parts.
/// </summary>
public class GatedSequenceToSequenceTests
{
    private const double Tolerance = 1e-6;

    /// <summary>Both gated cells, two seeds each.</summary>
    public static TheoryData<RecurrentCell, int> CellsAndSeeds => new() { { RecurrentCell.Gru, 1 }, { RecurrentCell.Gru, 2 }, { RecurrentCell.Lstm, 1 }, { RecurrentCell.Lstm, 2 } };

    [Theory]
    [MemberData(nameof(CellsAndSeeds))]
    public void Every_parameter_of_a_gated_encoder_decoder_passes_the_gradient_check(RecurrentCell cell, int seed)
    {
        var model = EncoderDecoder.Create(nX: 6, nA: 5, nY: 4, seed, cell);

        var results = SequenceToSequenceGradientTests.Check(model, seed);

        Assert.Equal(12, results.Count); // encoder and decoder: Wax, Waa, Bax, Baa, Wya, By each
        Assert.All(results, r => Assert.True(r.RelativeError < Tolerance, $"{cell}: {r}"));
        Assert.All(results.Where(r => r.Name is "encoder.Wax" or "encoder.Waa" or "encoder.Bax"),
            r => Assert.True(r.AnalyticNorm > 1e-4, $"no gradient reached {r.Name} through dA0 (and dC0)"));
    }

    [Theory]
    [MemberData(nameof(CellsAndSeeds))]
    public void Every_parameter_of_a_gated_attention_model_passes_the_gradient_check(RecurrentCell cell, int seed)
    {
        var model = AttentionEncoderDecoder.Create(nX: 6, nA: 3, nAtt: 4, nY: 4, seed, cell);

        var results = SequenceToSequenceGradientTests.Check(model, seed);

        Assert.Equal(22, results.Count); // two encoder directions (6 each, the output layer empty), Wd, We, v, the decoder (6) and Wyc
        Assert.All(results, r => Assert.True(r.RelativeError < Tolerance, $"{cell}: {r}"));
        Assert.All(results.Where(r => r.Name is "forward.Waa" or "backward.Wax" or "attention.Wd" or "attention.We" or "decoder.Wax" or "decoder.Waa" or "decoder.Wyc"),
            r => Assert.True(r.AnalyticNorm > 1e-4, $"{cell}: {r.Name} got no gradient"));
    }

    [Fact]
    public void The_lstm_attention_decoder_starts_from_both_directions_cell_states()
    {
        var model = AttentionEncoderDecoder.Create(nX: 6, nA: 3, nAtt: 4, nY: 4, seed: 6, RecurrentCell.Lstm);
        var (x, yIn, _) = SequenceToSequenceGradientTests.Batch(6, 4, 6);

        var cache = model.Forward(x, yIn);

        var (forward, backward) = ((RecurrentCache)cache.ForwardCache, (RecurrentCache)cache.BackwardCache);
        Assert.Equal([.. forward.C(x.Length).Data, .. backward.C(x.Length).Data], cache.CellState0!.Data); // c_dec<0> = [c_fwd<Tx>; c_bwd<1>]
        Assert.Equal(cache.CellState0.Data, cache.Decoder!.C(0).Data);
    }

    [Theory]
    [InlineData(RecurrentCell.Rnn)]
    [InlineData(RecurrentCell.Gru)]
    [InlineData(RecurrentCell.Lstm)]
    public void Greedy_attention_decoding_follows_the_teacher_forced_forward_pass(RecurrentCell cell)
    {
        var model = AttentionEncoderDecoder.Create(nX: 7, nA: 4, nAtt: 5, nY: 6, seed: 9, cell);
        int[] source = [1, 4, 2, 5, 6];
        var hypothesis = SequenceSearch.Greedy(model.Decoder(source), start: 0, end: 3, maxLength: 7);
        int[] written = [.. hypothesis.Tokens];
        int[] inputs = [0, .. written[..^1]];

        var cache = model.Forward(SequenceBatch.OneHot(7, source), SequenceBatch.OneHot(6, inputs));
        var alignment = model.Alignment(source, start: 0, written); // the step decoder replayed along the greedy output

        Assert.Equal((written.Length, source.Length), alignment.Shape);
        for (int t = 1; t <= written.Length; t++)
        {
            var yHat = cache.YHat[t - 1].Column(0);
            Assert.Equal(Array.IndexOf(yHat, yHat.Max()), written[t - 1]);
            Approx.Equal(cache.Alpha[t - 1].Column(0), alignment.Row(t - 1).ToArray(), 1e-12, $"alpha<{t}>");
        }
        Assert.NotEmpty(SequenceSearch.Beam(model.Decoder(source), start: 0, end: 3, maxLength: 7, k: 3));
    }

    [Fact]
    public void An_rnn_attention_model_from_Create_equals_one_built_from_its_parts_bit_for_bit()
    {
        var (x, yIn, y) = SequenceToSequenceGradientTests.Batch(6, 4, 8);
        var parts = new AttentionEncoderDecoder(RecurrentParameters.Initialize(RecurrentCell.Rnn, 6, 3, 0, 2), RecurrentParameters.Initialize(RecurrentCell.Rnn, 6, 3, 0, 3),
            AdditiveAttention.Create(6, 6, 4, 4), RecurrentParameters.Initialize(RecurrentCell.Rnn, 4 + 6, 6, 4, 5), AttentionEncoderDecoder.Create(6, 3, 4, 4, seed: 2).Wyc);
        var generic = AttentionEncoderDecoder.Create(6, 3, 4, 4, seed: 2, RecurrentCell.Rnn);

        double partsLoss = parts.LossAndGradients(x, yIn, y), loss = generic.LossAndGradients(x, yIn, y);

        Assert.Equal(BitConverter.DoubleToInt64Bits(partsLoss), BitConverter.DoubleToInt64Bits(loss));
        Assert.Equal(parts.GradientTensors.SelectMany(t => t.Values), generic.GradientTensors.SelectMany(t => t.Values));
        Assert.Null(generic.Forward(x, yIn).CellState0);
    }

    [Fact]
    public void The_lstm_encoder_hands_over_its_cell_state_and_gets_its_gradient_back()
    {
        var model = EncoderDecoder.Create(nX: 6, nA: 5, nY: 4, seed: 3, RecurrentCell.Lstm);
        var (x, yIn, y) = SequenceToSequenceGradientTests.Batch(6, 4, 3);
        var (encoded, decoded) = model.Forward(x, yIn);
        Assert.Equal(encoded.LastCell!.Data, ((RecurrentCache)decoded).C(0).Data); // c_dec<0> = c<Tx>

        // dL/dc<Tx> reaches the encoder only through dCLast: without it the encoder's gradient differs from the model's,
        // which the gradient check above shows to be the true one.
        var lstm = (Lstm)model.EncoderLayer;
        var decoderGradients = model.DecoderLayer.Backward(decoded, y, null, null);
        Assert.True(decoderGradients.dC0!.Data.Any(v => Math.Abs(v) > 1e-6), "the decoder sent no gradient to c_dec<0>");
        var withC = lstm.Backward((RecurrentCache)encoded, null, new BackwardOptions { dALast = decoderGradients.dA0, dCLast = decoderGradients.dC0 });
        var withoutC = lstm.Backward((RecurrentCache)encoded, null, new BackwardOptions { dALast = decoderGradients.dA0 });
        Assert.NotEqual(withC.dWax.Data, withoutC.dWax.Data);

        model.LossAndGradients(x, yIn, y);
        var fromModel = model.GradientTensors.Single(t => t.Name == "encoder.dWax").Values;
        Assert.Equal(withC.dWax.Data, fromModel);
    }

    [Theory]
    [InlineData(RecurrentCell.Gru)]
    [InlineData(RecurrentCell.Lstm)]
    public void Greedy_decoding_follows_the_teacher_forced_forward_pass(RecurrentCell cell)
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
    public void An_rnn_encoder_decoder_from_Create_equals_one_built_from_its_parts_bit_for_bit()
    {
        var (x, yIn, y) = SequenceToSequenceGradientTests.Batch(6, 4, 5);
        var parts = new EncoderDecoder(RecurrentParameters.Initialize(RecurrentCell.Rnn, 6, 5, 0, 7), RecurrentParameters.Initialize(RecurrentCell.Rnn, 4, 5, 4, 8));
        var generic = EncoderDecoder.Create(6, 5, 4, seed: 7, RecurrentCell.Rnn);

        double partsLoss = parts.LossAndGradients(x, yIn, y), loss = generic.LossAndGradients(x, yIn, y);

        Assert.Equal(BitConverter.DoubleToInt64Bits(partsLoss), BitConverter.DoubleToInt64Bits(loss));
        Assert.Equal(parts.GradientTensors.SelectMany(t => t.Values), generic.GradientTensors.SelectMany(t => t.Values));
        // The step decoder's log-probabilities: the RNN step written out, s<1> = tanh(Waa s<0> + Wax y<0> + ba), z = Wya s<1> + by;
        // then from the slot that kept s<1>, with y<1> = 2: s<2> = tanh(Waa s<1> + Wax y<1> + ba).
        var p = generic.DecoderLayer.Parameters;
        var s0 = generic.Encode([1, 2, 3]);
        var (s1, s2, logits, yHat) = (new Matrix(5, 1), new Matrix(5, 1), new Matrix(4, 1), new Matrix(4, 1));
        RnnCell.Step(p, Activation.Tanh, s0, [0], s1);
        RnnCell.Output(p, Activation.Softmax, s1, logits, yHat);
        var decoder = generic.Decoder([1, 2, 3]);
        var logProbabilities = new double[4];
        decoder.Reserve(2);
        decoder.Start(0);
        decoder.Step(0, 0, 1, logProbabilities);
        Assert.Equal(LogSoftmax.OfColumn(logits), logProbabilities);
        RnnCell.Step(p, Activation.Tanh, s1, [2], s2);
        RnnCell.Output(p, Activation.Softmax, s2, logits, yHat);
        decoder.Step(1, 2, 0, logProbabilities);
        Assert.Equal(LogSoftmax.OfColumn(logits), logProbabilities);
    }

    [Fact]
    public void Encoder_and_decoder_of_different_cells_are_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => new EncoderDecoder(RecurrentParameters.Initialize(RecurrentCell.Gru, 6, 5, 0, 1), RecurrentParameters.Initialize(RecurrentCell.Lstm, 4, 5, 4, 2)));
        Assert.Contains("Gru", e.Message);
        Assert.Contains("Lstm", e.Message);
    }
}
