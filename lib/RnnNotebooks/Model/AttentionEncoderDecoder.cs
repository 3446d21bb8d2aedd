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
/// Cells: encoder directions and decoder are of one kind (<see cref="Create"/>'s cell). With GRU or LSTM cells the decoder
/// step is (s&lt;t&gt;[, c_dec&lt;t&gt;]) = cell(x&lt;t&gt;, s&lt;t-1&gt;[, c_dec&lt;t-1&gt;]) over the same x&lt;t&gt;, run as a one-step pass of the
/// core's <see cref="Gru"/> or <see cref="Lstm"/>; an LSTM starts from c_dec&lt;0&gt; = [c_fwd&lt;Tx&gt;; c_bwd&lt;1&gt;], and
/// dL/dc_dec&lt;0&gt; flows back into both directions through dCLast.
/// </summary>
public sealed class AttentionEncoderDecoder : ISequenceToSequence
{
    private RecurrentGradients? forwardGradients, backwardGradients, decoderGradients, stepGradients;
    private readonly Matrix dWyc;
    private readonly RecurrentLayer? gatedDecoder;


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
        gatedDecoder = decoder.Cell == RecurrentCell.Rnn ? null : RecurrentLayers.Over(decoder);
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
    public double Loss(SequenceBatch x, SequenceBatch yIn, SequenceTargets y) => Loss(Forward(x, yIn), y);

    /// <summary>L = sum_t sum_j w&lt;t&gt;_j (-log yHat&lt;t&gt;[y&lt;t&gt;_j, j]) from a forward pass.</summary>
    public double Loss(AttentionCache cache, SequenceTargets y)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(y);
        y.Validate(TargetSize, Activation.Softmax, cache.Ty, cache.S[0].Cols);
        return Losses.FiniteSum(LossKind.CrossEntropy, cache.Ty, cache.Logits, cache.YHat, y);
    }

    /// <inheritdoc />
    public double LossAndGradients(SequenceBatch x, SequenceBatch yIn, SequenceTargets y)
    {
        var cache = Forward(x, yIn);
        double loss = Loss(cache, y);
        Backward(cache, y);
        return loss;
    }

    /// <summary>The encoder over x, then the decoder with attention over the teacher-forced inputs yIn.</summary>
    /// <param name="x">Source token ids, Tx steps, all m of length Tx.</param>
    /// <param name="yIn">Decoder input ids y&lt;0&gt; .. y&lt;Ty-1&gt;.</param>
    public AttentionCache Forward(SequenceBatch x, SequenceBatch yIn)
    {
        EncoderDecoder.CheckBatch(x, yIn);
        int m = x.BatchSize, nY = TargetSize;
        var cache = new AttentionCache(x.Length, yIn.Length, nA, Attention.Sizes.nAtt, nY, m);
        Encode(x, cache);
        for (int t = 1; t <= yIn.Length; t++)
        {
            var xt = cache.X[t - 1];
            var tokens = yIn.Tokens(t);
            for (int j = 0; j < m; j++)
            {
                if ((uint)tokens[j] >= (uint)nY)
                {
                    throw new ArgumentOutOfRangeException(nameof(yIn), $"yIn<{t}> (time step t={t}) sample {j} is token {tokens[j]}; expected an id in [0, n_y) = [0, {nY}).");
                }
                xt[tokens[j], j] = 1.0;                                               // x<t> = [onehot(y<t-1>); ...]
            }
            cache.Tokens[t - 1] = tokens.ToArray();
            cache.DecoderSteps[t - 1] = DecoderStep(cache.S[t - 1], cache.DecoderCell(t - 1), cache.H, cache.Keys, cache.U[t - 1], cache.Alpha[t - 1], cache.C[t - 1], xt, tokens,
                cache.S[t], cache.Logits[t - 1], cache.YHat[t - 1]);
        }
        return cache;
    }

    /// <summary>Both encoder directions, h&lt;t'&gt;, s&lt;0&gt; (and an LSTM's c_dec&lt;0&gt;) and the keys into the cache.</summary>
    private void Encode(SequenceBatch x, AttentionCache cache)
    {
        int tx = x.Length;
        var forward = cache.ForwardCache = EncoderForwardLayer.Forward(x, null, null, null);
        var backward = cache.BackwardCache = EncoderBackwardLayer.Forward(x.ReverseEach(Enumerable.Repeat(tx, x.BatchSize).ToArray()), null, null, null);
        for (int t = 1; t <= tx; t++)
        {
            Stack(forward.A(t), backward.A(tx - t + 1), cache.H[t - 1]);              // h<t'> = [a_fwd<t'>; a_bwd<t'>]
        }
        Stack(forward.A(tx), backward.A(tx), cache.S[0]);                             // s<0> = [a_fwd<Tx>; a_bwd<1>]
        if (forward.LastCell is { } cForward)
        {
            cache.CellState0 = new Matrix(cForward.Rows * 2, cForward.Cols);
            Stack(cForward, backward.LastCell!, cache.CellState0);                     // c_dec<0> = [c_fwd<Tx>; c_bwd<1>]
        }
        cache.Keys = Attention.Keys(cache.H);
    }

    /// <summary>
    /// One decoder step: attention from s&lt;t-1&gt;, c&lt;t&gt; into x&lt;t&gt;'s last rows, s&lt;t&gt; (RNN: written out here; GRU, LSTM:
    /// a one-step pass of the decoder layer, returned for BPTT, or, when decoding with <paramref name="work"/>, one
    /// <see cref="RecurrentLayer.Step"/> on it), yHat&lt;t&gt;.
    /// </summary>
    private RecurrentCache? DecoderStep(Matrix sPrev, Matrix? cellPrev, IReadOnlyList<Matrix> h, IReadOnlyList<Matrix> keys, Matrix[] u, Matrix alpha, Matrix c,
        Matrix x, ReadOnlySpan<int> tokens, Matrix s, Matrix logits, Matrix yHat, LayerState? work = null)
    {
        Attention.Forward(sPrev, h, keys, u, alpha, c);                                // c<t> = sum alpha<t,t'> h<t'>
        c.Data.AsSpan().CopyTo(x.Data.AsSpan(TargetSize * x.Cols));                    // x<t> = [onehot(y<t-1>); c<t>]
        RecurrentCache? step = null;
        if (gatedDecoder is null)
        {
            Recurrence(sPrev, tokens, c, s);                                           // s<t> = tanh(Waa s<t-1> + Wax x<t> + ba)
            RnnCell.Output(DecoderLayerParameters, Activation.Softmax, s, logits, yHat);    // z<t> = Wya s<t> + by
        }
        else if (work is not null)
        {
            work.Reset(sPrev, cellPrev);
            gatedDecoder.Step(new StepInput(x), work);                                 // (s<t>, c_dec<t>) = cell(x<t>, s<t-1>, c_dec<t-1>)
            s.CopyFrom(work.A);
            gatedDecoder.Output(work.A, logits, yHat);                                 // z<t> = Wya s<t> + by
        }
        else
        {
            step = gatedDecoder.Forward(SequenceBatch.Dense([x]), sPrev, cellPrev, null); // (s<t>, c_dec<t>) = cell(x<t>, s<t-1>, c_dec<t-1>)
            s.CopyFrom(step.Last);
            logits.CopyFrom(step.Logits(1));                                           // z<t> = Wya s<t> + by
        }
        Blas.MulAdd(Wyc, c, logits);                                                   // z<t> += Wyc c<t>
        yHat.CopyFrom(logits);
        Activations.Apply(Activation.Softmax, yHat.Data, yHat.Rows, yHat.Cols);      // yHat<t> = softmax(z<t>)
        return step;
    }

    /// <summary>BPTT through the decoder, the attention and both encoder directions (see the class summary).</summary>
    public void Backward(AttentionCache cache, SequenceTargets y)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var p = DecoderLayerParameters;
        int m = cache.S[0].Cols, tx = cache.Tx, nS = p.nA;
        decoderGradients = Cleared(decoderGradients, p, m);
        Attention.ClearGradients();
        dWyc.Clear();
        var dH = Enumerable.Range(0, tx).Select(_ => new Matrix(nS, m)).ToArray();
        var dKeys = Enumerable.Range(0, tx).Select(_ => new Matrix(Attention.Sizes.nAtt, m)).ToArray();
        var dsNext = new Matrix(nS, m);
        Matrix? dcNext = cache.CellState0 is null ? null : new Matrix(nS, m);          // dL/dc_dec<t> of an LSTM decoder
        for (int t = cache.Ty; t >= 1; t--)
        {
            (dsNext, dcNext) = DecoderBackwardStep(cache, y, t, dsNext, dcNext, dH, dKeys);
        }
        Attention.BackwardKeys(cache.H, dKeys, dH);
        EncoderBackwardPass(cache, dsNext, dcNext, dH);
    }

    /// <summary>One step of the decoder's BPTT; returns dL/ds&lt;t-1&gt; (and an LSTM's dL/dc_dec&lt;t-1&gt;).</summary>
    private (Matrix dsPrev, Matrix? dcPrev) DecoderBackwardStep(AttentionCache cache, SequenceTargets y, int t, Matrix dsNext, Matrix? dcNext, Matrix[] dH, Matrix[] dKeys)
    {
        var g = decoderGradients!;
        int m = dsNext.Cols;
        var dzy = new Matrix(TargetSize, m);
        Losses.Gradient(cache.YHat[t - 1], y, t, dzy);                                 // dz_y = w (yHat<t> - y<t>)
        BatchProducts.AddOuter(dzy, cache.S[t], g.dWya);                               // dWya += dz_y s<t>^T
        BatchProducts.AddRowSums(dzy, g.dBy);
        var ds = dsNext.Clone();
        BatchProducts.AddTransposedProduct(DecoderLayerParameters.Wya, dzy, ds);       // ds = Wya^T dz_y + ds_next
        var (dsPrev, dcPrev, dc) = gatedDecoder is null
            ? RnnStepBackward(cache, t, ds)
            : GatedStepBackward(cache, t, ds, dcNext);
        BatchProducts.AddOuter(dzy, cache.C[t - 1], dWyc);                             // dWyc += dz_y c<t>^T
        BatchProducts.AddTransposedProduct(Wyc, dzy, dc);                              // dc<t> += Wyc^T dz_y
        Attention.Backward(cache.S[t - 1], cache.H, cache.U[t - 1], cache.Alpha[t - 1], dc, dsPrev, dH, dKeys);
        return (dsPrev, dcPrev);
    }

    /// <summary>The RNN decoder's step t backward from ds = dL/ds&lt;t&gt;: its parameter gradients, ds&lt;t-1&gt; through Waa and dc&lt;t&gt; through Wax.</summary>
    private (Matrix dsPrev, Matrix? dcPrev, Matrix dc) RnnStepBackward(AttentionCache cache, int t, Matrix ds)
    {
        var p = DecoderLayerParameters;
        var g = (RecurrentGradients)decoderGradients!;
        var dz = ds;
        Activations.MultiplyByDerivative(Activation.Tanh, cache.S[t].Data, dz.Data);   // dz = ds ⊙ (1 - s<t>²)
        BatchProducts.AddOuter(dz, cache.S[t - 1], g.dWaa);                            // dWaa += dz s<t-1>^T
        InputWeightGradient(dz, cache.Tokens[t - 1], cache.C[t - 1], g.dWax);          // dWax += dz x<t>^T
        BatchProducts.AddRowSums(dz, g.dBa);
        var dsPrev = new Matrix(p.nA, dz.Cols);
        BatchProducts.AddTransposedProduct(p.Waa, dz, dsPrev);                         // ds<t-1> = Waa^T dz
        return (dsPrev, null, ContextGradient(dz));                                    // dc<t> = (Wax^T dz)[n_y ..]
    }

    /// <summary>
    /// A gated decoder's step t backward: BPTT of its one-step pass from dALast = ds (and dCLast = dc_dec&lt;t&gt;), its
    /// parameter gradients added to the decoder's; ds&lt;t-1&gt; = its dA0, dc_dec&lt;t-1&gt; = its dC0, dc&lt;t&gt; = the last n_s rows of its dx.
    /// </summary>
    private (Matrix dsPrev, Matrix? dcPrev, Matrix dc) GatedStepBackward(AttentionCache cache, int t, Matrix ds, Matrix? dcNext)
    {
        var options = new BackwardOptions { dALast = ds, dCLast = dcNext, ComputeDX = true };
        var step = stepGradients = gatedDecoder!.Backward(cache.DecoderSteps[t - 1]!, null, options, stepGradients);
        var (total, part) = (decoderGradients!.Tensors, step.Tensors);
        for (int k = 0; k < total.Count; k++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(total[k].Values, part[k].Values, total[k].Values); // sum over t of the step's gradients
        }
        int nY = TargetSize, m = ds.Cols;
        var dc = new Matrix(ds.Rows, m, step.dX![0].Data[(nY * m)..]);                // dc<t> = (dx<t>)[n_y ..]
        return (step.dA0.Clone(), step.dC0?.Clone(), dc);
    }

    /// <summary>
    /// s&lt;t&gt; = tanh(Waa s&lt;t-1&gt; + Wax x&lt;t&gt; + ba) with x&lt;t&gt; = [onehot(y&lt;t-1&gt;); c&lt;t&gt;]: the one-hot part of Wax x&lt;t&gt; is
    /// the token's column of Wax, gathered, not multiplied (n_y can be thousands of words).
    /// </summary>
    private void Recurrence(Matrix sPrev, ReadOnlySpan<int> tokens, Matrix c, Matrix s)
    {
        var p = DecoderLayerParameters;
        int nY = p.nY, m = s.Cols;
        s.Clear();
        Blas.MulAdd(p.Waa, sPrev, s);                                                  // Waa s<t-1>
        for (int i = 0; i < p.nA; i++)
        {
            var w = p.Wax.Row(i);
            var row = s.Row(i);
            for (int j = 0; j < m; j++)
            {
                row[j] += w[tokens[j]] + p.Ba[i];                                      // + Wax onehot(y<t-1>) + ba
            }
            for (int k = 0; k < c.Rows; k++)
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(c.Row(k), w[nY + k], row, row); // + Wax[:, n_y + k] c<t>[k]
            }
        }
        Activations.Apply(Activation.Tanh, s.Data, s.Rows, m);
    }

    /// <summary>dWax += dz x&lt;t&gt;^T: the tokens' columns get dz (a scatter), the context's columns dz c&lt;t&gt;^T.</summary>
    private void InputWeightGradient(Matrix dz, int[] tokens, Matrix c, Matrix dWax)
    {
        int nY = DecoderLayerParameters.nY;
        for (int i = 0; i < dz.Rows; i++)
        {
            var row = dz.Row(i);
            var target = dWax.Row(i);
            for (int j = 0; j < tokens.Length; j++)
            {
                target[tokens[j]] += row[j];                                           // dWax[:, y<t-1>] += dz
            }
            for (int k = 0; k < c.Rows; k++)
            {
                target[nY + k] += Reductions.Dot(row, c.Row(k)); // dWax[:, n_y + k] += dz c<t>[k]
            }
        }
    }

    /// <summary>dc&lt;t&gt; = the last n_s rows of Wax^T dz&lt;t&gt;: the columns of Wax that multiply c&lt;t&gt;.</summary>
    private Matrix ContextGradient(Matrix dz)
    {
        var p = DecoderLayerParameters;
        int nS = p.nA, m = dz.Cols;
        var dc = new Matrix(nS, m);
        for (int i = 0; i < p.nA; i++)
        {
            var wRow = p.Wax.Row(i).Slice(p.nY, nS);
            var dzRow = dz.Row(i);
            for (int k = 0; k < nS; k++)
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(dzRow, wRow[k], dc.Row(k), dc.Row(k)); // dc[k, :] += Wax[i, n_y + k] dz[i, :]
            }
        }
        return dc;
    }

    /// <summary>dL/ds&lt;0&gt;, dL/dc_dec&lt;0&gt; (LSTM) and dL/dh&lt;t'&gt; split into the two directions, then each direction's BPTT.</summary>
    private void EncoderBackwardPass(AttentionCache cache, Matrix dS0, Matrix? dC0, Matrix[] dH)
    {
        int tx = cache.Tx, n = nA;
        var (fwdAbove, bwdAbove) = (new Matrix[tx], new Matrix[tx]);
        for (int t = 1; t <= tx; t++)
        {
            (fwdAbove[t - 1], bwdAbove[tx - t]) = Split(dH[t - 1], n);                 // dh<t'> = [da_fwd<t'>; da_bwd at reversed step Tx - t' + 1]
        }
        var (fwdLast, bwdLast) = Split(dS0, n);                                        // ds<0> = [da_fwd<Tx>; da_bwd<1>]
        var (fwdCell, bwdCell) = dC0 is null ? (null, null) : Split(dC0, n);           // dc_dec<0> = [dc_fwd<Tx>; dc_bwd<1>]
        forwardGradients = EncoderForwardLayer.Backward(cache.ForwardCache, null,
            new BackwardOptions { dALast = fwdLast, dCLast = fwdCell, dAFromAbove = fwdAbove }, forwardGradients);
        backwardGradients = EncoderBackwardLayer.Backward(cache.BackwardCache, null,
            new BackwardOptions { dALast = bwdLast, dCLast = bwdCell, dAFromAbove = bwdAbove }, backwardGradients);
    }

    /// <inheritdoc />
    public IStepDecoder Decoder(IReadOnlyList<int> source)
    {
        var x = SequenceBatch.OneHot(SourceSize, source);
        var cache = new AttentionCache(x.Length, 0, nA, Attention.Sizes.nAtt, TargetSize, 1);
        Encode(x, cache);
        return new StepDecoder(this, cache.H, cache.Keys, new AttentionState(cache.S[0].Clone(), [], cache.CellState0));
    }

    /// <summary>The decoder's gradients set to zero, reused when they fit this m (sums over t are added into them).</summary>
    private static RecurrentGradients Cleared(RecurrentGradients? gradients, RecurrentParameters p, int m)
    {
        if (gradients is null || gradients.dA0.Cols != m)
        {
            return new RecurrentGradients(p.Cell, p.nX, p.nA, p.nY, m);
        }
        foreach (var view in gradients.Tensors)
        {
            Array.Clear(view.Values);
        }
        return gradients;
    }

    /// <summary>[top; bottom] = a, (2 n, m), into (n, m) halves.</summary>
    private static (Matrix Top, Matrix Bottom) Split(Matrix a, int n)
    {
        int m = a.Cols;
        return (new Matrix(n, m, a.Data[..(n * m)]), new Matrix(n, m, a.Data[(n * m)..]));
    }

    /// <summary>target = [top; bottom].</summary>
    private static void Stack(Matrix top, Matrix bottom, Matrix target)
    {
        top.Data.AsSpan().CopyTo(target.Data);
        bottom.Data.AsSpan().CopyTo(target.Data.AsSpan(top.Data.Length));
    }

    /// <summary>The decoder one token at a time over one source's h&lt;t'&gt;; its states are <see cref="AttentionState"/>s.</summary>
    private sealed class StepDecoder(AttentionEncoderDecoder model, Matrix[] h, Matrix[] keys, AttentionState initial) : IStepDecoder
    {
        private readonly LayerState? work = model.gatedDecoder?.NewState();

        public int Size => model.TargetSize;

        public object Initial => initial;

        public (double[] LogProbabilities, object Next) Step(object state, int previous)
        {
            var p = model.DecoderLayerParameters;
            var (sPrev, _, cellPrev) = (AttentionState)state;
            var u = keys.Select(k => new Matrix(k.Rows, 1)).ToArray();
            var (alpha, c, x, s) = (new Matrix(h.Length, 1), new Matrix(p.nA, 1), new Matrix(p.nX, 1), new Matrix(p.nA, 1));
            var (logits, yHat) = (new Matrix(p.nY, 1), new Matrix(p.nY, 1));
            x[previous, 0] = 1.0;
            model.DecoderStep(sPrev, cellPrev, h, keys, u, alpha, c, x, [previous], s, logits, yHat, work);
            return (LogSoftmax.OfColumn(logits), new AttentionState(s, alpha.Data, work?.C?.Clone()));
        }
    }
}
