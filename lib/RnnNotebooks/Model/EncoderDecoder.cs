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
/// Both are the core's recurrent layers of one cell kind (<see cref="Rnn"/> as above, or <see cref="Gru"/>, <see cref="Lstm"/>:
/// <see cref="Create"/>'s cell): the decoder with a&lt;0&gt; = a&lt;Tx&gt;, the encoder without an output layer. An LSTM encoder
/// hands over both states, (s&lt;0&gt;, c_dec&lt;0&gt;) = (a&lt;Tx&gt;, c&lt;Tx&gt;). BPTT runs through the decoder, whose dA0 = dL/ds&lt;0&gt;
/// is the encoder's dALast = dL/da&lt;Tx&gt; (and dC0 its dCLast = dL/dc&lt;Tx&gt;), then through the encoder.
/// </summary>
public sealed class EncoderDecoder : ISequenceToSequence
{
    private RecurrentGradients? encoderGradients, decoderGradients;


    /// <summary>A model over the given parameters of one cell kind (not copied: training updates them).</summary>
    /// <param name="encoder">The encoder's parameters (<see cref="RecurrentParameters"/>), n_y = 0.</param>
    /// <param name="decoder">The decoder's, of the same cell; n_x = n_y (it reads one-hot output tokens); n_a the encoder's.</param>
    /// <exception cref="ArgumentException">The sizes or cells do not fit together (the message names them).</exception>
    public EncoderDecoder(RecurrentParameters encoder, RecurrentParameters decoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(decoder);
        if (encoder.nY != 0 || decoder.nA != encoder.nA || decoder.nX != decoder.nY || decoder.Cell != encoder.Cell)
        {
            throw new ArgumentException($"encoder (n_x, n_a, n_y) = ({encoder.nX}, {encoder.nA}, {encoder.nY}) and decoder ({decoder.nX}, {decoder.nA}, {decoder.nY}), cells {encoder.Cell} and {decoder.Cell}: " +
                "expected an encoder with n_y = 0, the same cell and n_a, and a decoder with n_x = n_y.", nameof(decoder));
        }
        EncoderLayer = RecurrentLayers.Over(encoder);
        DecoderLayer = RecurrentLayers.Over(decoder);
    }

    /// <summary>Seeded random weights: n_x source tokens, n_a hidden units in both layers, n_y target tokens.</summary>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a.</param>
    /// <param name="nY">n_y.</param>
    /// <param name="seed">Random seed (the encoder draws from seed, the decoder from seed + 1).</param>
    /// <param name="cell">The cell of encoder and decoder; the RNN's weights are drawn as before cells could be chosen.</param>
    public static EncoderDecoder Create(int nX, int nA, int nY, int seed, RecurrentCell cell = RecurrentCell.Rnn) =>
        new(RecurrentLayers.Initialize(cell, nX, nA, 0, seed), RecurrentLayers.Initialize(cell, nY, nA, nY, seed + 1));

    /// <summary>The encoder (no output layer), of any cell.</summary>
    public RecurrentLayer EncoderLayer { get; }

    /// <summary>The decoder, of the same cell.</summary>
    public RecurrentLayer DecoderLayer { get; }

    /// <summary>The cell of encoder and decoder.</summary>
    public RecurrentCell Cell => EncoderLayer.Cell;



    /// <inheritdoc />
    public int SourceSize => EncoderLayer.Sizes.nX;

    /// <inheritdoc />
    public int TargetSize => DecoderLayer.Sizes.nY;

    /// <summary>n_a.</summary>
    public int nA => EncoderLayer.Sizes.nA;

    /// <summary>"encoder.Waa" .. "decoder.By" (gated cells: "encoder.Wax", "encoder.Waa", "encoder.Bax", ...).</summary>
    public IReadOnlyList<ParameterView> Tensors =>
        [.. PrefixedViews.Of("encoder", EncoderLayer.Parameters.Tensors), .. PrefixedViews.Of("decoder", DecoderLayer.Parameters.Tensors)];

    /// <inheritdoc />
    public IReadOnlyList<ParameterView> GradientTensors => encoderGradients is null || decoderGradients is null
        ? throw new InvalidOperationException("no gradients yet: call LossAndGradients first.")
        : [.. PrefixedViews.Of("encoder", encoderGradients.Tensors), .. PrefixedViews.Of("decoder", decoderGradients.Tensors)];

    /// <inheritdoc />
    public double Loss(SequenceBatch x, SequenceBatch yIn, SequenceTargets y)
    {
        var (_, decoded) = Forward(x, yIn);
        return DecoderLayer.Loss(decoded, y);
    }

    /// <inheritdoc />
    public double LossAndGradients(SequenceBatch x, SequenceBatch yIn, SequenceTargets y)
    {
        var (encoded, decoded) = Forward(x, yIn);
        double loss = DecoderLayer.Loss(decoded, y);
        decoderGradients = DecoderLayer.Backward(decoded, y, null, decoderGradients);
        var handBack = new BackwardOptions { dALast = decoderGradients.dA0, dCLast = decoderGradients.dC0 }; // dL/da<Tx> = dL/ds<0>, dL/dc<Tx> = dL/dc_dec<0>
        encoderGradients = EncoderLayer.Backward(encoded, null, handBack, encoderGradients);
        return loss;
    }

    /// <summary>The encoder over x, then the decoder from s&lt;0&gt; = a&lt;Tx&gt; (and c&lt;Tx&gt;) over the teacher-forced inputs.</summary>
    public (RecurrentCache Encoded, RecurrentCache Decoded) Forward(SequenceBatch x, SequenceBatch yIn)
    {
        CheckBatch(x, yIn);
        var encoded = EncoderLayer.Forward(x, null, null, null);
        return (encoded, DecoderLayer.Forward(yIn, encoded.Last, encoded.LastCell, null)); // s<0> = a<Tx>, c_dec<0> = c<Tx>
    }

    /// <summary>a&lt;Tx&gt; of one source: the vector the decoder starts from, (n_a, 1).</summary>
    public Matrix Encode(IReadOnlyList<int> source) => EncodeState(source).A;

    /// <summary>(a&lt;Tx&gt;, c&lt;Tx&gt;) of one source, (n_a, 1) each (c null unless the cell is an LSTM): the decoder's initial state.</summary>
    public RecurrentState EncodeState(IReadOnlyList<int> source)
    {
        var encoded = EncoderLayer.Forward(SequenceBatch.OneHot(SourceSize, source), null, null, null);
        return new RecurrentState(encoded.Last.Clone(), encoded.LastCell?.Clone());
    }

    /// <inheritdoc />
    public IStepDecoder Decoder(IReadOnlyList<int> source) => new StepDecoder(DecoderLayer, EncodeState(source));

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

    /// <summary>
    /// The decoder one token at a time with <see cref="RecurrentLayer.Step"/> on one working state, its states (s&lt;t&gt;[, c&lt;t&gt;])
    /// kept in slots of (n_a, 1) each, so a beam can branch from any of them and a step allocates nothing.
    /// </summary>
    private sealed class StepDecoder(RecurrentLayer decoder, RecurrentState initial) : IStepDecoder
    {
        private readonly LayerState work = decoder.NewState();
        private readonly StateSlots slots = new(decoder.Sizes.nA, initial.C is not null);
        private readonly Matrix logits = new(decoder.Sizes.nY, 1);
        private readonly Matrix yHat = new(decoder.Sizes.nY, 1);

        public int Size => decoder.Sizes.nY;

        public int Slots => slots.Count;

        public void Reserve(int slots) => this.slots.Reserve(slots);

        public void Start(int slot) => slots.Set(slot, initial.A, initial.C); // s<0> = a<Tx> (c_dec<0> = c<Tx>)

        public void Step(int from, int previous, int to, Span<double> logProbabilities)
        {
            slots.CheckStep(from, previous, to, logProbabilities, Size);
            work.Reset(slots.S(from), slots.C(from));
            decoder.Step(new StepInput(new ReadOnlySpan<int>(in previous)), work); // s<t> = cell(y<t-1>, s<t-1>)
            decoder.Output(work.A, logits, yHat);                                  // z<t> = Wya s<t> + by
            LogSoftmax.OfColumn(logits, 0, logProbabilities);                       // log yHat<t>
            slots.Store(work, to);
        }
    }
}
