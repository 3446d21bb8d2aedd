namespace RnnNotebooks;

/// <summary>
/// A bidirectional RNN for many-to-many tasks with Tx = Ty (e.g. named-entity recognition): two recurrent directions of
/// one cell kind (<see cref="Rnn"/>, <see cref="Gru"/> or <see cref="Lstm"/>, see <see cref="Create(int, int, int, int, RecurrentCell, Activation)"/>)
/// without an output layer of their own, one reading x&lt;1&gt; .. x&lt;Tx&gt;, one reading the sequence
/// reversed, and one output layer over both states:
/// <code>
/// a_fwd&lt;t&gt; = g1(Waa_f a_fwd&lt;t-1&gt; + Wax_f x&lt;t&gt; + ba_f),   a_fwd&lt;0&gt; = 0          (n_a, m)   (or a GRU/LSTM step)
/// a_bwd&lt;t&gt; = g1(Waa_b a_bwd&lt;t+1&gt; + Wax_b x&lt;t&gt; + ba_b),   a_bwd&lt;L+1&gt; = 0        (n_a, m)
/// yHat&lt;t&gt;  = g2(Wya [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;] + by)                                (n_y, m), Wya (n_y, 2 n_a)
/// L         = sum_t sum_j w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j)
/// </code>
/// Padding: samples are padded at the end, sample j has L = lengths[j] real steps, and its padded steps carry weight
/// 0 in the targets. The backward direction must start at each sample's own last real token, not at the padding, so
/// it runs over <see cref="SequenceBatch.ReverseEach"/>: each sample's real steps reversed, x&lt;L&gt; .. x&lt;1&gt;, with
/// the padding left after them. a_bwd&lt;t&gt; of sample j is then the state after its reversed step L - t + 1. At a
/// padded step (t &gt; L) both directions hold states the masked loss never reads.
/// Backward: dz_y&lt;t&gt; = w (yHat&lt;t&gt; - y&lt;t&gt;); dWya = sum_t dz_y&lt;t&gt; [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;]^T; dby = sum_t dz_y&lt;t&gt;;
/// Wya^T dz_y&lt;t&gt; splits into its top n_a rows, the forward direction's dAFromAbove&lt;t&gt;, and its bottom rows,
/// the backward direction's dAFromAbove at each sample's reversed step; each direction then runs its own BPTT, and
/// dx&lt;t&gt; = dx_fwd&lt;t&gt; + dx_bwd&lt;t&gt;.
/// </summary>
public sealed class BidirectionalRnn
{
    /// <summary>A model over the given parameters (not copied: training updates them).</summary>
    /// <param name="parameters">Both directions and the output layer.</param>
    /// <param name="g1">Hidden activation of both directions: Tanh or Relu (Sigmoid and Identity also work).</param>
    /// <param name="g2">Output activation: Softmax, Sigmoid or Identity; it fixes the loss.</param>
    public BidirectionalRnn(BidirectionalRnnParameters parameters, Activation g1 = Activation.Tanh, Activation g2 = Activation.Softmax)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Activations.CheckHidden(g1);
        Parameters = parameters;
        G1 = g1;
        ForwardLayer = RecurrentLayers.Over(parameters.ForwardDirection, g1, g2); // n_y = 0: g2 is the shared head's, checked there
        BackwardLayer = RecurrentLayers.Over(parameters.BackwardDirection, g1, g2);
    }

    /// <summary>A model whose directions run the given cell, with seeded random weights (<see cref="BidirectionalRnnParameters.Initialize(int, int, int, int, RecurrentCell, WeightInit)"/>).</summary>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a per direction.</param>
    /// <param name="nY">n_y.</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="cell">RNN (tanh), GRU or LSTM.</param>
    /// <param name="g2">Output activation.</param>
    public static BidirectionalRnn Create(int nX, int nA, int nY, int seed, RecurrentCell cell, Activation g2 = Activation.Softmax) =>
        new(BidirectionalRnnParameters.Initialize(nX, nA, nY, seed, cell), Activation.Tanh, g2);

    /// <summary>A model with seeded random weights (<see cref="BidirectionalRnnParameters.Initialize(int, int, int, int, WeightInit)"/>).</summary>
    public static BidirectionalRnn Create(int nX, int nA, int nY, int seed, Activation g1 = Activation.Tanh,
        Activation g2 = Activation.Softmax, WeightInit init = WeightInit.XavierOrthogonal) =>
        new(BidirectionalRnnParameters.Initialize(nX, nA, nY, seed, init), g1, g2);

    /// <summary>Both directions' Waa, Wax, ba and the output layer's Wya, by.</summary>
    public BidirectionalRnnParameters Parameters { get; }

    /// <summary>The direction reading x&lt;1&gt; .. x&lt;Tx&gt; (n_y = 0), of any cell.</summary>
    public RecurrentLayer ForwardLayer { get; }

    /// <summary>The direction reading each sample's real steps reversed (n_y = 0), of any cell.</summary>
    public RecurrentLayer BackwardLayer { get; }



    /// <summary>The cell both directions run.</summary>
    public RecurrentCell Cell => ForwardLayer.Cell;

    /// <summary>g1, the hidden activation of RNN directions (gated cells ignore it).</summary>
    public Activation G1 { get; }

    /// <summary>g2, the output activation.</summary>
    public Activation G2 => ForwardLayer.G2;

    /// <summary>The per-step loss that goes with g2.</summary>
    public LossKind LossKind => ForwardLayer.LossKind;

    /// <summary>n_x, n_a (per direction), n_y.</summary>
    public (int nX, int nA, int nY) Sizes => (Parameters.nX, Parameters.nA, Parameters.nY);

    /// <summary>Both directions over all Tx steps, then yHat&lt;t&gt; = g2(Wya [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;] + by) for t = 1 .. Tx.</summary>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;: m sequences of n_x-vectors (one-hot or dense), padded at the end.</param>
    /// <param name="lengths">The real length of each sample, in 1 .. Tx; null when no sample is padded.</param>
    /// <param name="cache">A cache to reuse when it fits this Tx, m, n_a and n_y; otherwise, or when null, a new one is made.</param>
    /// <returns><paramref name="cache"/> when it was reused, else the new cache.</returns>
    /// <exception cref="ArgumentException">x does not fit the parameters, or lengths is not m values in 1 .. Tx (the message names the sample).</exception>
    public BidirectionalRnnCache Forward(SequenceBatch x, IReadOnlyList<int>? lengths = null, BidirectionalRnnCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var p = Parameters;
        int tx = x.Length, m = x.BatchSize;
        if (x.InputSize != p.nX)
        {
            throw new ArgumentException($"x has n_x = {x.InputSize}; this model's Wax expects n_x = {p.nX}.", nameof(x));
        }
        Guard.Finite(p.Wya.Data, "Wya", null, p.Wya.Cols);
        Guard.Finite(p.By, "By");
        if (lengths is not null)
        {
            SequenceBatch.CheckLengths(lengths, tx, m);
        }
        if (cache is null || !cache.Fits(tx, p.nA, p.nY, m))
        {
            cache = new BidirectionalRnnCache(tx, p.nA, p.nY, m);
        }
        for (int j = 0; j < m; j++)
        {
            cache.LengthBuffer[j] = lengths?[j] ?? tx;
        }
        cache.X = x;
        cache.XReversed = x.ReverseEach(cache.Lengths, cache.XReversed);
        cache.ForwardCache = ForwardLayer.Forward(x, null, null, cache.ForwardCache);
        cache.BackwardCache = BackwardLayer.Forward(cache.XReversed, null, null, cache.BackwardCache);
        for (int t = 1; t <= tx; t++)
        {
            Concatenate(cache, t);
            RnnCell.OutputUnchecked(p.Wya, p.By, G2, cache.A(t), cache.Logits(t), cache.YHat(t)); // yHat<t> = g2(Wya [a_fwd<t>; a_bwd<t>] + by)
        }
        return cache;
    }

    /// <summary>L = sum over t and samples j of w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j): weights of 0 mask the padding.</summary>
    /// <exception cref="NonFiniteException">The loss is NaN or infinite; the message names the first such step.</exception>
    public double Loss(BidirectionalRnnCache cache, SequenceTargets y)
    {
        ValidateTargets(cache, y);
        return Losses.FiniteSum(LossKind, cache.Length, cache.LogitSteps, cache.YHatSteps, y);
    }

    /// <summary>
    /// Backpropagation through both directions (see the class summary for the equations): the output layer's
    /// gradient flows into each direction through <see cref="BackwardOptions.dAFromAbove"/>.
    /// </summary>
    /// <param name="cache">The cache of the forward pass.</param>
    /// <param name="y">The targets (with weights 0 on the padding).</param>
    /// <param name="computeDX">Also compute dL/dx&lt;t&gt;, the sum over both directions, into <see cref="BidirectionalRnnGradients.dX"/>.</param>
    /// <param name="gradients">Gradients to overwrite, reused when they fit n_x, n_a, n_y and m; otherwise, or when null, new ones.</param>
    /// <returns><paramref name="gradients"/> when reused, else new ones.</returns>
    public BidirectionalRnnGradients Backward(BidirectionalRnnCache cache, SequenceTargets y, bool computeDX = false, BidirectionalRnnGradients? gradients = null)
    {
        ValidateTargets(cache, y);
        var work = cache.Workspace(Parameters.nA, Parameters.nY);
        return BackwardCore(cache, t =>
        {
            Losses.Gradient(cache.YHat(t), y, t, work.dZY);          // dz_y = w (yHat<t> - y<t>)
            return work.dZY;
        }, computeDX, gradients);
    }

    /// <summary>
    /// Backpropagation through both directions from dz_y&lt;t&gt; = dL/d(Wya [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;] + by) given by the caller:
    /// for a loss over the logits that is not one of g2's (e.g. a CRF over the tags, whose emission scores are the logits).
    /// </summary>
    /// <param name="cache">The cache of the forward pass.</param>
    /// <param name="dZY">dL/dlogits&lt;t&gt; at [t - 1], Tx matrices (n_y, m); 0 on the padding.</param>
    /// <param name="computeDX">Also compute dL/dx&lt;t&gt; into <see cref="BidirectionalRnnGradients.dX"/>.</param>
    /// <param name="gradients">Gradients to overwrite when they fit; otherwise, or when null, new ones.</param>
    /// <exception cref="ArgumentException">dZY does not have Tx finite (n_y, m) steps (the message names the step).</exception>
    public BidirectionalRnnGradients BackwardFromLogits(BidirectionalRnnCache cache, IReadOnlyList<Matrix> dZY, bool computeDX = false,
        BidirectionalRnnGradients? gradients = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(dZY);
        if (dZY.Count != cache.Length)
        {
            throw new ArgumentException($"dZY has {dZY.Count} steps; expected Tx = {cache.Length}.", nameof(dZY));
        }
        for (int t = 1; t <= cache.Length; t++)
        {
            Guard.Shape(dZY[t - 1], Parameters.nY, cache.BatchSize, "dZY", t, "(n_y, m)");
            Guard.Finite(dZY[t - 1].Data, "dZY", t, cache.BatchSize);
        }
        return BackwardCore(cache, t => dZY[t - 1], computeDX, gradients);
    }

    /// <summary>The output layer's backward pass from dz_y&lt;t&gt;, then each direction's BPTT.</summary>
    private BidirectionalRnnGradients BackwardCore(BidirectionalRnnCache cache, Func<int, Matrix> dZYAt, bool computeDX, BidirectionalRnnGradients? gradients)
    {
        var p = Parameters;
        if (gradients is null || !gradients.Fits(p.nX, p.nA, p.nY, cache.BatchSize))
        {
            gradients = new BidirectionalRnnGradients(p.ForwardDirection.Cell, p.nX, p.nA, p.nY, cache.BatchSize);
        }
        var work = cache.Workspace(p.nA, p.nY);
        HeadBackward(cache, dZYAt, work, gradients);
        gradients.ForwardGradients = ForwardLayer.Backward(cache.ForwardCache, null,
            new BackwardOptions { dAFromAbove = work.dAForward, ComputeDX = computeDX }, gradients.ForwardGradients);
        gradients.BackwardGradients = BackwardLayer.Backward(cache.BackwardCache, null,
            new BackwardOptions { dAFromAbove = work.dABackward, ComputeDX = computeDX }, gradients.BackwardGradients);
        gradients.dX = computeDX ? SumDX(cache, gradients) : null;
        return gradients;
    }

    /// <summary>Forward, loss and backward in one call (allocates a cache and gradients).</summary>
    public (double Loss, BidirectionalRnnGradients Gradients) LossAndGradients(SequenceBatch x, SequenceTargets y, IReadOnlyList<int>? lengths = null)
    {
        var cache = Forward(x, lengths);
        double loss = Loss(cache, y);
        return (loss, Backward(cache, y));
    }

    /// <summary>Writes [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;] into cache.A(t), taking a_bwd of each sample from its reversed step.</summary>
    private void Concatenate(BidirectionalRnnCache cache, int t)
    {
        int nA = Parameters.nA, m = cache.BatchSize;
        var h = cache.A(t);
        cache.ForwardCache.A(t).Data.AsSpan().CopyTo(h.Data);                  // top rows: a_fwd<t>
        for (int j = 0; j < m; j++)
        {
            var aBwd = cache.BackwardCache.A(SequenceBatch.ReversedStep(t, cache.Lengths[j]));
            for (int i = 0; i < nA; i++)
            {
                h[nA + i, j] = aBwd[i, j];                                       // bottom rows: a_bwd<t> = reversed state L - t + 1
            }
        }
    }

    /// <summary>
    /// The output layer's backward pass for every t: dWya, dby, and Wya^T dz_y&lt;t&gt; split between the two directions'
    /// dAFromAbove (the backward direction's at each sample's reversed step).
    /// </summary>
    private void HeadBackward(BidirectionalRnnCache cache, Func<int, Matrix> dZYAt, BidirectionalRnnCache.Scratch work, BidirectionalRnnGradients g)
    {
        var p = Parameters;
        int nA = p.nA, m = cache.BatchSize;
        g.dWya.Clear();
        Array.Clear(g.dBy);
        Blas.Transpose(p.Wya, work.WyaT);
        for (int t = 1; t <= cache.Length; t++)
        {
            var dZY = dZYAt(t);
            Blas.Transpose(cache.A(t), work.HT);
            Blas.MulAdd(dZY, work.HT, g.dWya);                       // dWya += dz_y [a_fwd; a_bwd]^T
            Blas.AddRowSums(dZY.Data, p.nY, m, g.dBy);               // dby  += sum_j dz_y
            work.dH.Clear();
            Blas.MulAdd(work.WyaT, dZY, work.dH);                    // dH = Wya^T dz_y, (2 n_a, m)
            work.dH.Data.AsSpan(0, nA * m).CopyTo(work.dAForward[t - 1].Data); // top rows: dL/da_fwd<t>
            for (int j = 0; j < m; j++)
            {
                var above = work.dABackward[SequenceBatch.ReversedStep(t, cache.Lengths[j]) - 1];
                for (int i = 0; i < nA; i++)
                {
                    above[i, j] = work.dH[nA + i, j];                // bottom rows: dL/da_bwd at reversed step L - t + 1
                }
            }
        }
    }

    /// <summary>dx&lt;t&gt; = dx_fwd&lt;t&gt; + dx_bwd at each sample's reversed step.</summary>
    private Matrix[] SumDX(BidirectionalRnnCache cache, BidirectionalRnnGradients g)
    {
        int nX = Parameters.nX, m = cache.BatchSize;
        var dx = g.dX is { } old && old.Length == cache.Length && old[0].Rows == nX && old[0].Cols == m
            ? old
            : Enumerable.Range(0, cache.Length).Select(_ => new Matrix(nX, m)).ToArray();
        for (int t = 1; t <= cache.Length; t++)
        {
            var fwd = g.ForwardGradients.dX![t - 1];
            for (int j = 0; j < m; j++)
            {
                var bwd = g.BackwardGradients.dX![SequenceBatch.ReversedStep(t, cache.Lengths[j]) - 1];
                for (int i = 0; i < nX; i++)
                {
                    dx[t - 1][i, j] = fwd[i, j] + bwd[i, j];                 // dx<t> = dx_fwd<t> + dx_bwd<t>
                }
            }
        }
        return dx;
    }

    private void ValidateTargets(BidirectionalRnnCache cache, SequenceTargets y)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(y);
        y.Validate(Parameters.nY, G2, cache.Length, cache.BatchSize);
    }
}
