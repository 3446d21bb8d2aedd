namespace RnnNotebooks;

/// <summary>
/// The note's encoder-decoder for Tx != Ty: an encoder RNN reads the whole input, and its last state starts a decoder RNN
/// that writes the output one token at a time, reading the token it wrote last:
/// <code>
/// a&lt;t'&gt;    = tanh(Waa_enc a&lt;t'-1&gt; + Wax_enc x&lt;t'&gt; + ba_enc),   a&lt;0&gt; = 0, t' = 1 .. Tx   (n_a, m)
/// s&lt;0&gt;    = a&lt;Tx&gt;                                                 the whole input in one vector
/// s&lt;t&gt;    = tanh(Waa_dec s&lt;t-1&gt; + Wax_dec y&lt;t-1&gt; + ba_dec)       (n_a, m), y&lt;0&gt; the start token, one-hot
/// yHat&lt;t&gt; = softmax(Wya_dec s&lt;t&gt; + by_dec)                          (n_y, m), t = 1 .. Ty
/// </code>
/// Both are the core's <see cref="Rnn"/>: the decoder with a&lt;0&gt; = a&lt;Tx&gt;, the encoder without an output layer. BPTT
/// runs through the decoder, whose dA0 = dL/ds&lt;0&gt; is the encoder's dALast = dL/da&lt;Tx&gt;, then through the encoder.
/// </summary>
public sealed class EncoderDecoder : ISequenceToSequence
{
    private RnnGradients? encoderGradients, decoderGradients;

    /// <summary>A model over the given parameters (not copied: training updates them).</summary>
    /// <param name="encoder">The encoder's Waa, Wax, ba (n_y = 0).</param>
    /// <param name="decoder">The decoder's Waa, Wax, ba, Wya, by; n_x = n_y (it reads one-hot output tokens); n_a the encoder's.</param>
    /// <exception cref="ArgumentException">The sizes do not fit together (the message names them).</exception>
    public EncoderDecoder(RnnParameters encoder, RnnParameters decoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(decoder);
        if (encoder.nY != 0 || decoder.nA != encoder.nA || decoder.nX != decoder.nY)
        {
            throw new ArgumentException($"encoder (n_x, n_a, n_y) = ({encoder.nX}, {encoder.nA}, {encoder.nY}) and decoder ({decoder.nX}, {decoder.nA}, {decoder.nY}): " +
                "expected an encoder with n_y = 0, the same n_a, and a decoder with n_x = n_y.", nameof(decoder));
        }
        Encoder = new Rnn(encoder);
        DecoderRnn = new Rnn(decoder);
    }

    /// <summary>Seeded random weights: n_x source tokens, n_a hidden units in both RNNs, n_y target tokens.</summary>
    public static EncoderDecoder Create(int nX, int nA, int nY, int seed) =>
        new(RnnParameters.Initialize(nX, nA, 0, seed), RnnParameters.Initialize(nY, nA, nY, seed + 1));

    /// <summary>The encoder RNN (no output layer).</summary>
    public Rnn Encoder { get; }

    /// <summary>The decoder RNN.</summary>
    public Rnn DecoderRnn { get; }

    /// <inheritdoc />
    public int SourceSize => Encoder.Parameters.nX;

    /// <inheritdoc />
    public int TargetSize => DecoderRnn.Parameters.nY;

    /// <summary>n_a.</summary>
    public int nA => Encoder.Parameters.nA;

    /// <summary>"encoder.Waa" .. "decoder.By".</summary>
    public IReadOnlyList<ParameterView> Tensors =>
        [.. PrefixedViews.Of("encoder", Encoder.Parameters.Tensors), .. PrefixedViews.Of("decoder", DecoderRnn.Parameters.Tensors)];

    /// <inheritdoc />
    public IReadOnlyList<ParameterView> GradientTensors => encoderGradients is null || decoderGradients is null
        ? throw new InvalidOperationException("no gradients yet: call LossAndGradients first.")
        : [.. PrefixedViews.Of("encoder", encoderGradients.Tensors), .. PrefixedViews.Of("decoder", decoderGradients.Tensors)];

    /// <inheritdoc />
    public double Loss(SequenceBatch x, SequenceBatch yIn, SequenceTargets y)
    {
        var (_, decoded) = Forward(x, yIn);
        return DecoderRnn.Loss(decoded, y);
    }

    /// <inheritdoc />
    public double LossAndGradients(SequenceBatch x, SequenceBatch yIn, SequenceTargets y)
    {
        var (encoded, decoded) = Forward(x, yIn);
        double loss = DecoderRnn.Loss(decoded, y);
        decoderGradients = DecoderRnn.Backward(decoded, y, null, decoderGradients);
        encoderGradients = Encoder.Backward(encoded, null, new BackwardOptions { dALast = decoderGradients.dA0 }, encoderGradients); // dL/da<Tx> = dL/ds<0>
        return loss;
    }

    /// <summary>The encoder over x, then the decoder from s&lt;0&gt; = a&lt;Tx&gt; over the teacher-forced inputs.</summary>
    public (RnnCache Encoded, RnnCache Decoded) Forward(SequenceBatch x, SequenceBatch yIn)
    {
        CheckBatch(x, yIn);
        var encoded = Encoder.Forward(x);
        return (encoded, DecoderRnn.Forward(yIn, encoded.Last)); // s<0> = a<Tx>
    }

    /// <summary>a&lt;Tx&gt; of one source: the vector the decoder starts from, (n_a, 1).</summary>
    public Matrix Encode(IReadOnlyList<int> source) => Encoder.Forward(SequenceBatch.OneHot(SourceSize, source)).Last.Clone();

    /// <inheritdoc />
    public IStepDecoder Decoder(IReadOnlyList<int> source) => new StepDecoder(DecoderRnn, Encode(source));

    /// <summary>Throws unless x and yIn are token ids of this model's vocabularies with the same m.</summary>
    internal static void CheckBatch(SequenceBatch x, SequenceBatch yIn)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(yIn);
        if (!x.IsOneHot || !yIn.IsOneHot || x.BatchSize != yIn.BatchSize)
        {
            throw new ArgumentException($"x (m = {x.BatchSize}) and yIn (m = {yIn.BatchSize}) must both be token ids (SequenceBatch.OneHot) of the same batch size.", nameof(yIn));
        }
    }

    /// <summary>The decoder one token at a time: the state is s&lt;t&gt;, (n_a, 1).</summary>
    private sealed class StepDecoder(Rnn decoder, Matrix s0) : IStepDecoder
    {
        public int Size => decoder.Parameters.nY;

        public object Initial => s0;

        public (double[] LogProbabilities, object Next) Step(object state, int previous)
        {
            var p = decoder.Parameters;
            var s = new Matrix(p.nA, 1);
            RnnCell.Step(p, decoder.G1, (Matrix)state, [previous], s);        // s<t> = tanh(Waa s<t-1> + Wax y<t-1> + ba)
            var (logits, yHat) = (new Matrix(p.nY, 1), new Matrix(p.nY, 1));
            RnnCell.Output(p, decoder.G2, s, logits, yHat);                  // yHat<t> = softmax(Wya s<t> + by)
            return (LogSoftmax.OfColumn(logits), s);
        }
    }
}
