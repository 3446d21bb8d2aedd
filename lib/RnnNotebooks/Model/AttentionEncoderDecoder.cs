namespace RnnNotebooks;

/// <summary>
/// An encoder-decoder with additive (Bahdanau) attention. A bidirectional encoder gives one state per input, the decoder
/// reads at every step a context c&lt;t&gt;, a weighted mean of those states, beside the token it wrote last:
/// <code>
/// h&lt;t'&gt;    = [a_fwd&lt;t'&gt;; a_bwd&lt;t'&gt;]                                      (n_s = 2 n_a, m), t' = 1 .. Tx
/// s&lt;0&gt;     = [a_fwd&lt;Tx&gt;; a_bwd&lt;1&gt;]                                         both directions' last states
/// c&lt;t&gt;     = sum_{t'} alpha&lt;t,t'&gt; h&lt;t'&gt;, alpha from s&lt;t-1&gt; (see <see cref="AdditiveAttention"/>)
/// x&lt;t&gt;     = [onehot(y&lt;t-1&gt;); c&lt;t&gt;]                                       (n_y + n_s, m)
/// s&lt;t&gt;     = tanh(Waa s&lt;t-1&gt; + Wax x&lt;t&gt; + ba)                                (n_s, m)
/// yHat&lt;t&gt;  = softmax(Wya s&lt;t&gt; + Wyc c&lt;t&gt; + by)                              (n_y, m)
/// </code>
/// The output layer reads the context as well as the state (as Bahdanau et al.'s does): the character under the
/// attention can reach yHat&lt;t&gt; in one product, which is what copying a year's digits needs.
/// BPTT walks the decoder back from t = Ty; at each step dx&lt;t&gt; = Wax^T dz&lt;t&gt; gives dc&lt;t&gt; (its last n_s rows), which
/// flows through the attention into s&lt;t-1&gt; and every h&lt;t'&gt;; dL/ds&lt;0&gt; and dL/dh&lt;t'&gt; then split into the two
/// encoder directions (dALast and dAFromAbove) for their own BPTT.
/// Cells: encoder directions and decoder are of one kind (<see cref="Create"/>'s cell). The decoder is one
/// <see cref="RecurrentLayer"/> of that cell, (s&lt;t&gt;[, c_dec&lt;t&gt;]) = cell(x&lt;t&gt;, s&lt;t-1&gt;[, c_dec&lt;t-1&gt;]) (the RNN's is the
/// line above), whose x&lt;t&gt; is made from s&lt;t-1&gt; between its steps: its forward and backward passes are the layer's own
/// steps with the attention in between, and its weight gradients the layer's sums over t. An LSTM starts from
/// c_dec&lt;0&gt; = [c_fwd&lt;Tx&gt;; c_bwd&lt;1&gt;], and dL/dc_dec&lt;0&gt; flows back into both directions through dCLast.
/// </summary>
public sealed class AttentionEncoderDecoder : ISequenceToSequence
{
    private RecurrentGradients? forwardGradients, backwardGradients, decoderGradients;
    private readonly Matrix dWyc;
    private readonly RecurrentLayer decoder;
    private AttentionCache? lastCache;

    /// <summary>A model over the given parameters of one cell kind (not copied: training updates them).</summary>
    /// <param name="encoderForward">The forward direction's parameters (<see cref="RecurrentParameters"/>; n_y = 0).</param>
    /// <param name="encoderBackward">The backward direction's, same cell and sizes.</param>
    /// <param name="attention">Wd (n_att, n_s), We (n_att, n_s), v (n_att), with n_s = 2 n_a.</param>
    /// <param name="decoder">The decoder's, same cell: n_a = n_s, n_x = n_y + n_s, and its output layer Wya (n_y, n_s), by.</param>
    /// <param name="wyc">Wyc, shape (n_y, n_s): the context's weights in the output layer.</param>
    /// <exception cref="ArgumentException">The sizes or cells do not fit together (the message names them).</exception>
    public AttentionEncoderDecoder(RecurrentParameters encoderForward, RecurrentParameters encoderBackward, AdditiveAttention attention, RecurrentParameters decoder, Matrix wyc)
    {
        ArgumentNullException.ThrowIfNull(wyc);
        ArgumentNullException.ThrowIfNull(encoderForward);
        ArgumentNullException.ThrowIfNull(encoderBackward);
        ArgumentNullException.ThrowIfNull(attention);
        ArgumentNullException.ThrowIfNull(decoder);
        int nS = 2 * encoderForward.nA;
        if (encoderForward.nY != 0 || encoderBackward.nX != encoderForward.nX || encoderBackward.nA != encoderForward.nA || encoderBackward.nY != 0
            || attention.Sizes.nS != nS || attention.Sizes.nH != nS || decoder.nA != nS || decoder.nX != decoder.nY + nS
            || wyc.Rows != decoder.nY || wyc.Cols != nS || encoderBackward.Cell != encoderForward.Cell || decoder.Cell != encoderForward.Cell)
        {
            throw new ArgumentException($"sizes do not fit: cells {encoderForward.Cell}, {encoderBackward.Cell}, {decoder.Cell} (one kind expected), encoder (n_x, n_a) = ({encoderForward.nX}, {encoderForward.nA}) twice with n_y = 0, " +
                $"attention (n_s, n_h, n_att) = {attention.Sizes} with n_s = n_h = 2 n_a = {nS}, decoder (n_x, n_a, n_y) = ({decoder.nX}, {decoder.nA}, {decoder.nY}) " +
                $"with n_a = 2 n_a(encoder) and n_x = n_y + 2 n_a(encoder), Wyc ({wyc.Rows}, {wyc.Cols}) = (n_y, n_s).", nameof(decoder));
        }
        EncoderForwardLayer = RecurrentLayers.Over(encoderForward);
        EncoderBackwardLayer = RecurrentLayers.Over(encoderBackward);
        Attention = attention;
        DecoderLayerParameters = decoder;
        this.decoder = RecurrentLayers.Over(decoder);
        Wyc = wyc;
        dWyc = new Matrix(wyc.Rows, wyc.Cols);
    }

    /// <summary>Seeded random weights: n_x source tokens, n_a per encoder direction (n_s = 2 n_a), n_att, n_y target tokens.</summary>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a per encoder direction.</param>
    /// <param name="nAtt">n_att.</param>
    /// <param name="nY">n_y.</param>
    /// <param name="seed">Random seed (seed .. seed + 4 for the parts).</param>
    /// <param name="cell">The cell of both encoder directions and the decoder; the RNN's weights are drawn as before cells could be chosen.</param>
    public static AttentionEncoderDecoder Create(int nX, int nA, int nAtt, int nY, int seed, RecurrentCell cell = RecurrentCell.Rnn) =>
        new(RecurrentLayers.Initialize(cell, nX, nA, 0, seed), RecurrentLayers.Initialize(cell, nX, nA, 0, seed + 1),
            AdditiveAttention.Create(2 * nA, 2 * nA, nAtt, seed + 2), RecurrentLayers.Initialize(cell, nY + 2 * nA, 2 * nA, nY, seed + 3), Xavier(nY, 2 * nA, seed + 4));

    private static Matrix Xavier(int rows, int cols, int seed)
    {
        var w = new Matrix(rows, cols);
        Initializers.XavierUniform(w, Seeds.Random(seed));
        return w;
    }

    /// <summary>The encoder's forward direction, of any cell.</summary>
    public RecurrentLayer EncoderForwardLayer { get; }

    /// <summary>The encoder's backward direction (reads the input reversed), of the same cell.</summary>
    public RecurrentLayer EncoderBackwardLayer { get; }

    /// <summary>The cell of the encoder directions and the decoder.</summary>
    public RecurrentCell Cell => DecoderLayerParameters.Cell;

    /// <summary>The attention.</summary>
    public AdditiveAttention Attention { get; }

    /// <summary>The decoder's parameters, of any cell (with its output layer Wya, by).</summary>
    public RecurrentParameters DecoderLayerParameters { get; }

    /// <summary>Wyc, shape (n_y, n_s): the context's weights in the output layer.</summary>
    public Matrix Wyc { get; }

    /// <inheritdoc />
    public int SourceSize => EncoderForwardLayer.Sizes.nX;

    /// <inheritdoc />
    public int TargetSize => DecoderLayerParameters.nY;

    /// <summary>n_a per encoder direction.</summary>
    public int nA => EncoderForwardLayer.Sizes.nA;

    /// <summary>"forward.Waa" .. "attention.V", "decoder.Waa" .. "decoder.By".</summary>
    public IReadOnlyList<ParameterView> Tensors =>
    [
        .. PrefixedViews.Of("forward", EncoderForwardLayer.Parameters.Tensors), .. PrefixedViews.Of("backward", EncoderBackwardLayer.Parameters.Tensors),
        .. PrefixedViews.Of("attention", Attention.Tensors), .. PrefixedViews.Of("decoder", DecoderLayerParameters.Tensors),
        new("decoder.Wyc", Wyc.Data, Wyc.Rows, Wyc.Cols),
    ];

    /// <inheritdoc />
    public IReadOnlyList<ParameterView> GradientTensors => forwardGradients is null || backwardGradients is null || decoderGradients is null
        ? throw new InvalidOperationException("no gradients yet: call LossAndGradients first.")
        :
        [
            .. PrefixedViews.Of("forward", forwardGradients.Tensors), .. PrefixedViews.Of("backward", backwardGradients.Tensors),
            .. PrefixedViews.Of("attention", Attention.GradientTensors), .. PrefixedViews.Of("decoder", decoderGradients.Tensors),
            new("decoder.dWyc", dWyc.Data, dWyc.Rows, dWyc.Cols),
        ];

    /// <inheritdoc />
    public double Loss(SequenceBatch x, SequenceBatch yIn, SequenceTargets y) => Loss(lastCache = Forward(x, yIn, lastCache), y);

    /// <summary>L = sum_t sum_j w&lt;t&gt;_j (-log yHat&lt;t&gt;[y&lt;t&gt;_j, j]) from a forward pass.</summary>
    public double Loss(AttentionCache cache, SequenceTargets y)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(y);
        y.Validate(TargetSize, Activation.Softmax, cache.Ty, cache.BatchSize);
        return Losses.FiniteSum(LossKind.CrossEntropy, cache.Ty, cache.Logits, cache.YHat, y);
    }

    /// <inheritdoc />
    /// <remarks>Reuses one cache from call to call: a training step allocates nothing per decoder time step.</remarks>
    public double LossAndGradients(SequenceBatch x, SequenceBatch yIn, SequenceTargets y)
    {
        var cache = lastCache = Forward(x, yIn, lastCache);
        double loss = Loss(cache, y);
        Backward(cache, y);
        return loss;
    }

    /// <summary>The encoder over x, then the decoder with attention over the teacher-forced inputs yIn.</summary>
    /// <param name="x">Source token ids, Tx steps, all m of length Tx.</param>
    /// <param name="yIn">Decoder input ids y&lt;0&gt; .. y&lt;Ty-1&gt;.</param>
    public AttentionCache Forward(SequenceBatch x, SequenceBatch yIn) => Forward(x, yIn, null);

    /// <summary>
    /// <see cref="Forward(SequenceBatch, SequenceBatch)"/> into <paramref name="cache"/> when it fits this model, Tx, Ty
    /// and m (otherwise, or when null, a new cache): then nothing is allocated per time step.
    /// </summary>
    /// <param name="x">Source token ids, Tx steps, all m of length Tx.</param>
    /// <param name="yIn">Decoder input ids y&lt;0&gt; .. y&lt;Ty-1&gt;.</param>
    /// <param name="cache">A cache of an earlier pass to overwrite, or null.</param>
    public AttentionCache Forward(SequenceBatch x, SequenceBatch yIn, AttentionCache? cache)
    {
        EncoderDecoder.CheckBatch(x, yIn);
        int m = x.BatchSize, nY = TargetSize;
        if (cache is null || !cache.Fits(Cell, x.Length, yIn.Length, nA, Attention.Sizes.nAtt, nY, m))
        {
            cache = new AttentionCache(decoder.Recurrence, x.Length, yIn.Length, nA, Attention.Sizes.nAtt, nY, m);
        }
        Encode(x, cache);
        var steps = decoder.Start(cache.DecoderInput!, cache.S0, cache.CellState0, cache.Decoder);
        for (int t = 1; t <= yIn.Length; t++)
        {
            var tokens = yIn.Tokens(t);
            for (int j = 0; j < m; j++)
            {
                if ((uint)tokens[j] >= (uint)nY)
                {
                    throw new ArgumentOutOfRangeException(nameof(yIn), $"yIn<{t}> (time step t={t}) sample {j} is token {tokens[j]}; expected an id in [0, n_y) = [0, {nY}).");
                }
            }
            Attend(cache.S[t - 1], cache.H, cache.Keys, cache.U[t - 1], cache.Alpha[t - 1], cache.C[t - 1], tokens, cache.X[t - 1], cache.Attention!);
            decoder.ForwardStep(steps, t, output: false);                               // (s<t>[, c_dec<t>]) = cell(x<t>, s<t-1>[, c_dec<t-1>])
            Output(steps.A(t), cache.C[t - 1], steps.Logits(t), steps.YHat(t));
        }
        return cache;
    }

    /// <summary>Both encoder directions, h&lt;t'&gt;, s&lt;0&gt; (and an LSTM's c_dec&lt;0&gt;) and the keys into the cache.</summary>
    private void Encode(SequenceBatch x, AttentionCache cache)
    {
        int tx = x.Length;
        var forward = cache.ForwardCache = EncoderForwardLayer.Forward(x, null, null, cache.ForwardCache);
        cache.Reversed = x.ReverseEach(cache.Lengths, cache.Reversed);
        var backward = cache.BackwardCache = EncoderBackwardLayer.Forward(cache.Reversed, null, null, cache.BackwardCache);
        for (int t = 1; t <= tx; t++)
        {
            Stack(forward.A(t), backward.A(tx - t + 1), cache.H[t - 1]);              // h<t'> = [a_fwd<t'>; a_bwd<t'>]
        }
        Stack(forward.A(tx), backward.A(tx), cache.S0);                               // s<0> = [a_fwd<Tx>; a_bwd<1>]
        if (cache.CellState0 is { } c0)
        {
            Stack(forward.LastCell!, backward.LastCell!, c0);                          // c_dec<0> = [c_fwd<Tx>; c_bwd<1>]
        }
        Attention.Keys(cache.H, cache.Keys);
        cache.Attention = Attention.Workspace(cache.Attention, tx, x.BatchSize);
    }

    /// <summary>The attention from s&lt;t-1&gt; (u, alpha, c&lt;t&gt; written) and the decoder's input x&lt;t&gt; = [onehot(y&lt;t-1&gt;); c&lt;t&gt;].</summary>
    private void Attend(Matrix sPrev, Matrix[] h, Matrix[] keys, Matrix[] u, Matrix alpha, Matrix c, ReadOnlySpan<int> tokens, Matrix x, AttentionWorkspace work)
    {
        Attention.Forward(sPrev, h, keys, u, alpha, c, work);                         // c<t> = sum alpha<t,t'> h<t'>
        int m = x.Cols;
        x.Data.AsSpan(0, TargetSize * m).Clear();
        for (int j = 0; j < m; j++)
        {
            x[tokens[j], j] = 1.0;                                                    // x<t> = [onehot(y<t-1>); ...]
        }
        c.Data.AsSpan().CopyTo(x.Data.AsSpan(TargetSize * m));                        //          [...; c<t>]
    }

    /// <summary>The output layer z&lt;t&gt; = Wya s&lt;t&gt; + Wyc c&lt;t&gt; + by, yHat&lt;t&gt; = softmax(z&lt;t&gt;).</summary>
    private void Output(Matrix s, Matrix c, Matrix logits, Matrix yHat)
    {
        var p = DecoderLayerParameters;
        Blas.SetBiasPlusProduct(p.By, p.Wya, s, logits);                              // z<t> = by + Wya s<t>
        Blas.MulAdd(Wyc, c, logits);                                                  //      + Wyc c<t>
        yHat.CopyFrom(logits);
        Activations.Apply(Activation.Softmax, yHat.Data, yHat.Rows, yHat.Cols);      // yHat<t> = softmax(z<t>)
    }

    /// <summary>BPTT through the decoder, the attention and both encoder directions (see the class summary).</summary>
    public void Backward(AttentionCache cache, SequenceTargets y)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var steps = cache.Decoder ?? throw new ArgumentException("the cache holds no decoder pass (Ty = 0): pass the cache of Forward(x, yIn).", nameof(cache));
        var p = DecoderLayerParameters;
        int m = cache.BatchSize, tx = cache.Tx, ty = cache.Ty, nS = p.nA, nY = p.nY;
        var attention = cache.Attention!;
        var (dH, dKeys) = cache.Backward ??= (StepMatrices.Make(tx, nS, m), StepMatrices.Make(tx, Attention.Sizes.nAtt, m));
        ClearAll(dH);
        ClearAll(dKeys);
        Attention.ClearGradients();
        var work = decoder.StartBackward(steps, y, null, ref decoderGradients);
        var (dc, wycT, cAllT) = cache.DecoderScratch ??= (new Matrix(nS, m), new Matrix(nS, nY), new double[ty * m * nS]);
        Blas.Transpose(p.Wax, work.WaxT);                                              // fixed during the pass: transpose once
        Blas.Transpose(Wyc, wycT);
        Blas.Transpose(Attention.Wd, attention.WdT);
        int rows = p.Wax.Rows;
        for (int t = ty; t >= 1; t--)
        {
            decoder.BackwardStep(steps, work, y, null, decoderGradients, t);           // dz_y, ds<t> = Wya^T dz_y + ds_next, the cell's step: ds<t-1>[, dc_dec<t-1>]
            dc.Clear();
            Blas.MulAdd(work.WaxT.Data.AsSpan(nY * rows), work.dGx.Data, dc.Data, nS, rows, m); // dc<t> = (Wax^T dGx)[n_y ..]
            Blas.MulAdd(wycT, work.dZY, dc);                                           //        + Wyc^T dz_y
            Attention.Backward(cache.S[t - 1], cache.H, cache.U[t - 1], cache.Alpha[t - 1], dc, work.dANext, dH, dKeys, attention); // ds<t-1> += the attention's share
        }
        decoder.FinishBackward(steps, work, head: true, decoderGradients);             // dWaa, dWax, dWya, biases: sums over t
        for (int t = 1; t <= ty; t++)
        {
            Blas.Transpose(cache.C[t - 1].Data, cAllT.AsSpan((t - 1) * m * nS, m * nS), nS, m); // rows (t - 1) m .. of [c<1>^T; ...]
        }
        dWyc.Clear();
        Blas.MulAdd(work.dZYAll, cAllT, dWyc.Data, nY, ty * m, nS);                    // dWyc = sum_t dz_y<t> c<t>^T
        Attention.BackwardKeys(cache.H, dKeys, dH, attention);
        EncoderBackwardPass(cache, decoderGradients.dA0, decoderGradients.dC0, dH);
    }

    /// <summary>dL/ds&lt;0&gt;, dL/dc_dec&lt;0&gt; (LSTM) and dL/dh&lt;t'&gt; split into the two directions, then each direction's BPTT.</summary>
    private void EncoderBackwardPass(AttentionCache cache, Matrix dS0, Matrix? dC0, Matrix[] dH)
    {
        int tx = cache.Tx, n = nA, m = cache.BatchSize;
        var (fwdAbove, bwdAbove, last, cell) = cache.Split ??=
            (StepMatrices.Make(tx, n, m), StepMatrices.Make(tx, n, m), StepMatrices.Make(2, n, m), dC0 is null ? null : StepMatrices.Make(2, n, m));
        for (int t = 1; t <= tx; t++)
        {
            Split(dH[t - 1], fwdAbove[t - 1], bwdAbove[tx - t]);                       // dh<t'> = [da_fwd<t'>; da_bwd at reversed step Tx - t' + 1]
        }
        Split(dS0, last[0], last[1]);                                                 // ds<0> = [da_fwd<Tx>; da_bwd<1>]
        if (dC0 is not null)
        {
            Split(dC0, cell![0], cell[1]);                                            // dc_dec<0> = [dc_fwd<Tx>; dc_bwd<1>]
        }
        forwardGradients = EncoderForwardLayer.Backward(cache.ForwardCache, null,
            new BackwardOptions { dALast = last[0], dCLast = cell?[0], dAFromAbove = fwdAbove }, forwardGradients);
        backwardGradients = EncoderBackwardLayer.Backward(cache.BackwardCache, null,
            new BackwardOptions { dALast = last[1], dCLast = cell?[1], dAFromAbove = bwdAbove }, backwardGradients);
    }

    /// <inheritdoc />
    public IStepDecoder Decoder(IReadOnlyList<int> source) => NewStepDecoder(source);

    /// <summary>
    /// The attention weights alpha&lt;t, t'&gt; with which the decoder wrote <paramref name="tokens"/> for <paramref name="source"/>:
    /// its steps replayed along the tokens (y&lt;0&gt; = start, then y&lt;t-1&gt; = tokens[t - 2]), the same arithmetic as a search's.
    /// </summary>
    /// <param name="source">The source's token ids, x&lt;1&gt; .. x&lt;Tx&gt;.</param>
    /// <param name="start">The start token, y&lt;0&gt;.</param>
    /// <param name="tokens">The output y&lt;1&gt; .. y&lt;Ty&gt;, e.g. a <see cref="Hypothesis"/>'s tokens.</param>
    /// <returns>alpha, shape (Ty, Tx): row t - 1 holds alpha&lt;t, 1..Tx&gt;, which sums to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">start or a token is not in [0, n_y) (the message names its step).</exception>
    public Matrix Alignment(IReadOnlyList<int> source, int start, IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (int t = 0; t <= tokens.Count; t++)
        {
            int y = t == 0 ? start : tokens[t - 1];
            if ((uint)y >= (uint)TargetSize)
            {
                throw new ArgumentOutOfRangeException(t == 0 ? nameof(start) : nameof(tokens), $"y<{t}> (time step t={t}) is token {y}; expected an id in [0, n_y) = [0, {TargetSize}).");
            }
        }
        var decoder = NewStepDecoder(source);
        var alignment = new Matrix(tokens.Count, decoder.Alpha.Rows);
        var logProbabilities = new double[TargetSize];
        decoder.Reserve(1);
        decoder.Start(0);
        for (int t = 1; t <= tokens.Count; t++)
        {
            decoder.Step(0, t == 1 ? start : tokens[t - 2], 0, logProbabilities); // s<t> from s<t-1>, y<t-1>; alpha<t> from s<t-1>
            decoder.Alpha.Data.AsSpan().CopyTo(alignment.Row(t - 1));
        }
        return alignment;
    }

    /// <summary>The encoder over one source, and a step decoder over its h&lt;t'&gt; from s&lt;0&gt; (and c_dec&lt;0&gt;).</summary>
    private StepDecoder NewStepDecoder(IReadOnlyList<int> source)
    {
        var x = SequenceBatch.OneHot(SourceSize, source);
        var cache = new AttentionCache(decoder.Recurrence, x.Length, 0, nA, Attention.Sizes.nAtt, TargetSize, 1);
        Encode(x, cache);
        return new StepDecoder(this, cache);
    }

    private static void ClearAll(Matrix[] matrices)
    {
        foreach (var matrix in matrices)
        {
            matrix.Clear();
        }
    }

    /// <summary>[top; bottom] = a, (2 n, m), into the (n, m) halves.</summary>
    private static void Split(Matrix a, Matrix top, Matrix bottom)
    {
        a.Data.AsSpan(0, top.Data.Length).CopyTo(top.Data);
        a.Data.AsSpan(top.Data.Length).CopyTo(bottom.Data);
    }

    /// <summary>target = [top; bottom].</summary>
    private static void Stack(Matrix top, Matrix bottom, Matrix target)
    {
        top.Data.AsSpan().CopyTo(target.Data);
        bottom.Data.AsSpan().CopyTo(target.Data.AsSpan(top.Data.Length));
    }

    /// <summary>
    /// The decoder one token at a time over one source's h&lt;t'&gt;, with <see cref="RecurrentLayer.Step"/> on buffers made
    /// once; its states (s&lt;t&gt;[, c_dec&lt;t&gt;]) are kept in slots, so a beam can branch from any of them and a step allocates
    /// nothing.
    /// </summary>
    private sealed class StepDecoder(AttentionEncoderDecoder model, AttentionCache source) : IStepDecoder
    {
        private readonly LayerState work = model.decoder.NewState();
        private readonly StateSlots slots = new(model.DecoderLayerParameters.nA, source.CellState0 is not null);
        private readonly Matrix[] u = StepMatrices.Make(source.Tx, model.Attention.Sizes.nAtt, 1);
        private readonly Matrix c = new(model.DecoderLayerParameters.nA, 1);
        private readonly Matrix x = new(model.DecoderLayerParameters.nX, 1);
        private readonly Matrix logits = new(model.TargetSize, 1);
        private readonly Matrix yHat = new(model.TargetSize, 1);

        /// <summary>alpha&lt;t, 1..Tx&gt; of the last step, shape (Tx, 1).</summary>
        public Matrix Alpha { get; } = new(source.Tx, 1);

        public int Size => model.TargetSize;

        public int Slots => slots.Count;

        public void Reserve(int slots) => this.slots.Reserve(slots);

        public void Start(int slot) => slots.Set(slot, source.S0, source.CellState0); // s<0> = [a_fwd<Tx>; a_bwd<1>] (c_dec<0> likewise)

        public void Step(int from, int previous, int to, Span<double> logProbabilities)
        {
            slots.CheckStep(from, previous, to, logProbabilities, Size);
            var sPrev = slots.S(from);
            model.Attend(sPrev, source.H, source.Keys, u, Alpha, c, new ReadOnlySpan<int>(in previous), x, source.Attention!);
            work.Reset(sPrev, slots.C(from));
            model.decoder.Step(new StepInput(x), work);                               // (s<t>[, c_dec<t>]) = cell(x<t>, s<t-1>[, c_dec<t-1>])
            model.Output(work.A, c, logits, yHat);                                     // z<t> = Wya s<t> + Wyc c<t> + by
            LogSoftmax.OfColumn(logits, 0, logProbabilities);                          // log yHat<t>
            slots.Store(work, to);
        }
    }
}
