namespace RnnNotebooks;

/// <summary>
/// The note's recurrent network over Tx steps, for a batch of m sequences:
/// <code>
/// a&lt;0&gt; = 0 (or given)
/// a&lt;t&gt;    = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba)
/// yHat&lt;t&gt; = g2(Wya a&lt;t&gt; + by)
/// L        = sum_t sum_j w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j)     (w: per-step weights, 1 unless given)
/// </code>
/// <see cref="Forward"/> runs the first three lines, <see cref="Loss"/> the last, and <see cref="Backward"/>
/// is backpropagation through time.
/// </summary>
public sealed class Rnn : IRecurrentLayer
{
    private readonly RnnCell cell;

    /// <summary>A model over the given parameters (not copied: training updates them).</summary>
    /// <param name="parameters">Waa, Wax, Wya, ba, by.</param>
    /// <param name="g1">Hidden activation: Tanh or Relu (Sigmoid and Identity also work).</param>
    /// <param name="g2">Output activation: Softmax, Sigmoid or Identity; it fixes the loss.</param>
    /// <exception cref="ArgumentException">g1 is Softmax.</exception>
    /// <exception cref="ArgumentOutOfRangeException">g1 or g2 is not an activation this model takes (e.g. (Activation)42).</exception>
    public Rnn(RnnParameters parameters, Activation g1 = Activation.Tanh, Activation g2 = Activation.Softmax)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        cell = new RnnCell(g1);
        LossKind = Losses.For(g2);
        Parameters = parameters;
        G2 = g2;
    }

    /// <summary>A model with seeded random weights (<see cref="RnnParameters.Initialize"/>).</summary>
    public static Rnn Create(int nX, int nA, int nY, int seed, Activation g1 = Activation.Tanh,
        Activation g2 = Activation.Softmax, WeightInit init = WeightInit.XavierOrthogonal) =>
        new(RnnParameters.Initialize(nX, nA, nY, seed, init), g1, g2);

    /// <summary>The parameters Waa, Wax, Wya, ba, by.</summary>
    public RnnParameters Parameters { get; }

    /// <summary>g1, the hidden activation.</summary>
    public Activation G1 => cell.G1;

    /// <summary>g2, the output activation.</summary>
    public Activation G2 { get; }

    /// <summary>The per-step loss that goes with g2.</summary>
    public LossKind LossKind { get; }

    /// <summary>n_x, n_a, n_y.</summary>
    public (int nX, int nA, int nY) Sizes => (Parameters.nX, Parameters.nA, Parameters.nY);

    /// <inheritdoc/>
    public RecurrentCell Cell => RecurrentCell.Rnn;

    /// <inheritdoc/>
    IRecurrentParameters IRecurrentLayer.Parameters => Parameters;

    /// <inheritdoc/>
    IRecurrentCache IRecurrentLayer.Forward(SequenceBatch x, Matrix? a0, Matrix? c0, IRecurrentCache? cache)
    {
        RecurrentLayers.NoCellState(c0, "RNN");
        return Forward(x, a0, cache as RnnCache);
    }

    /// <inheritdoc/>
    double IRecurrentLayer.Loss(IRecurrentCache cache, SequenceTargets y) => Loss(RecurrentLayers.Own<RnnCache>(cache, "RNN"), y);

    /// <inheritdoc/>
    IRecurrentGradients IRecurrentLayer.Backward(IRecurrentCache cache, SequenceTargets? y, BackwardOptions? options, IRecurrentGradients? gradients) =>
        Backward(RecurrentLayers.Own<RnnCache>(cache, "RNN"), y, options, gradients as RnnGradients);

    /// <summary>
    /// Forward propagation over all Tx steps: a&lt;t&gt; = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba) and, when n_y &gt; 0,
    /// yHat&lt;t&gt; = g2(Wya a&lt;t&gt; + by) with its logits, for t = 1 .. Tx.
    /// </summary>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;: m sequences of n_x-vectors (one-hot or dense).</param>
    /// <param name="a0">a&lt;0&gt;, shape (n_a, m); null for zeros.</param>
    /// <param name="cache">
    /// A cache to reuse, overwritten when it fits this Tx, m, n_a and n_y; otherwise, or when null, a new one is made.
    /// </param>
    /// <returns><paramref name="cache"/> when it was reused, else the new cache: a&lt;0&gt; .. a&lt;Tx&gt;, the logits and yHat&lt;t&gt;.</returns>
    /// <exception cref="ArgumentException">x or a0 does not fit the parameters (the message names the input and time step).</exception>
    /// <exception cref="NonFiniteException">A parameter or a0 is NaN or infinite (x was checked when made), or a&lt;t&gt; diverged at step t.</exception>
    public RnnCache Forward(SequenceBatch x, Matrix? a0 = null, RnnCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var p = Parameters;
        int tx = x.Length, m = x.BatchSize;
        p.CheckInputs(x, a0);
        p.CheckFinite();
        if (cache is null || !cache.Fits(tx, p.nA, p.nY, m))
        {
            cache = new RnnCache(tx, p.nA, p.nY, m);
        }
        cache.X = x;
        if (a0 is null)
        {
            cache.A(0).Clear();
        }
        else
        {
            cache.A(0).CopyFrom(a0);
        }
        var weights = p.Weights;
        for (int t = 1; t <= tx; t++)
        {
            var a = cache.A(t);
            cell.Forward(weights, StepInput.At(x, t), cache.Step(t)); // a<t> = g1(Waa a<t-1> + Wax x<t> + ba)
            if (!Guard.AllFinite(a.Data))
            {
                throw new NonFiniteException("a", t,
                    $"a<{t}> (time step t={t}) contains NaN or infinity: the forward pass diverged " +
                    $"(with g1 = {G1}, large weights make a<t> grow without bound). Lower the learning rate or clip gradients.");
            }
            if (p.nY > 0)
            {
                RnnCell.OutputUnchecked(p, G2, a, cache.Logits(t), cache.YHat(t)); // yHat<t> = g2(Wya a<t> + by)
            }
        }
        return cache;
    }

    /// <summary>L = sum over t and samples j of w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j).</summary>
    /// <exception cref="NonFiniteException">The loss is NaN or infinite; the message names the first such step.</exception>
    public double Loss(RnnCache cache, SequenceTargets y)
    {
        ValidateTargets(cache, y);
        double total = 0;
        for (int t = 1; t <= cache.Length; t++)
        {
            total += StepLoss(cache, y, t);
        }
        return total;
    }

    /// <summary>L&lt;t&gt; for t = 1 .. Tx (element [t - 1]), each summed over the batch with its weights.</summary>
    public double[] StepLosses(RnnCache cache, SequenceTargets y)
    {
        ValidateTargets(cache, y);
        var losses = new double[cache.Length];
        for (int t = 1; t <= cache.Length; t++)
        {
            losses[t - 1] = StepLoss(cache, y, t);
        }
        return losses;
    }

    private void ValidateTargets(RnnCache cache, SequenceTargets y)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(y);
        y.Validate(Parameters.nY, G2, cache.Length, cache.BatchSize);
    }

    /// <summary>L&lt;t&gt; = sum_j w&lt;t&gt;_j L&lt;t&gt;_j, refusing a non-finite value.</summary>
    private double StepLoss(RnnCache cache, SequenceTargets y, int t) =>
        Losses.FiniteStep(LossKind, cache.Logits(t), cache.YHat(t), y, t);

    /// <summary>
    /// Backpropagation through time. Starting from da_next = dALast (or 0), walks t = Tx .. 1 through the recurrence:
    /// <code>
    /// dz_y&lt;t&gt; = w (yHat&lt;t&gt; - y&lt;t&gt;)                     (n_y, m), when y is given
    /// da       = Wya^T dz_y&lt;t&gt; + da_next (+ dAFromAbove&lt;t&gt;)   (n_a, m)
    /// dz&lt;t&gt;   = da ⊙ g1'(z&lt;t&gt;)
    /// da_next  = Waa^T dz&lt;t&gt;,  dx&lt;t&gt; = Wax^T dz&lt;t&gt; (when asked)
    /// </code>
    /// and da&lt;0&gt; = da_next after step 1. The parameter gradients are sums over t, computed after the walk over
    /// all steps at once (a product or a row sum each): dWaa = sum_t dz&lt;t&gt; a&lt;t-1&gt;^T, dWax = sum_t dz&lt;t&gt; x&lt;t&gt;^T (during the
    /// walk for one-hot x), dba = sum_t sum_j dz&lt;t&gt;, dWya = sum_t dz_y&lt;t&gt; a&lt;t&gt;^T, dby = sum_t sum_j dz_y&lt;t&gt;.
    /// </summary>
    /// <param name="cache">The cache of the forward pass.</param>
    /// <param name="y">Targets for the output layer; null when only <see cref="BackwardOptions"/> gradients flow in.</param>
    /// <param name="options">Gradients flowing in from outside (dALast, dAFromAbove) and whether to return dX and dA.</param>
    /// <param name="gradients">Gradients to overwrite, reused when they fit n_x, n_a, n_y and m; otherwise, or when null, new ones.</param>
    /// <returns><paramref name="gradients"/> when reused, else new ones: dWaa, dWax, dWya, dBa, dBy, dA0, and dX, dA when asked.</returns>
    public RnnGradients Backward(RnnCache cache, SequenceTargets? y, BackwardOptions? options = null, RnnGradients? gradients = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var p = Parameters;
        int tx = cache.Length, m = cache.BatchSize;
        y?.Validate(p.nY, G2, tx, m);
        options?.Validate(Parameters.nA, tx, m);
        gradients = PrepareGradients(gradients, m, options?.ComputeDX == true ? tx : 0, options?.KeepDA == true ? tx : 0);
        var work = cache.Workspace(p.nX, p.nA, p.nY);
        Blas.Transpose(p.Waa, work.WaaT); // the weights are fixed during the pass: transpose them once
        Blas.Transpose(p.Wya, work.WyaT);
        if (gradients.dX is not null)
        {
            Blas.Transpose(p.Wax, work.WaxT); // only dx<t> = Wax^T dz needs it
        }
        var daNext = work.dANext;
        if (options?.dALast is { } daLast)
        {
            daNext.CopyFrom(daLast);
        }
        else
        {
            daNext.Clear();
        }
        for (int t = tx; t >= 1; t--)
        {
            BackwardStep(cache, work, y, options, gradients, t);
        }
        gradients.dA0.CopyFrom(daNext); // dL/da<0>
        AccumulateOverTime(cache, work, y is not null, gradients);
        return gradients;
    }

    /// <summary>Forward, loss and BPTT in one call (allocates a cache and gradients).</summary>
    public (double Loss, RnnGradients Gradients) LossAndGradients(SequenceBatch x, SequenceTargets y, Matrix? a0 = null)
    {
        var cache = Forward(x, a0);
        double loss = Loss(cache, y);
        return (loss, Backward(cache, y));
    }

    /// <summary>
    /// One step of BPTT at time t: dz_y&lt;t&gt; from the loss, dL/da&lt;t&gt; (kept when asked), dz&lt;t&gt; through g1,
    /// dx&lt;t&gt; when asked, and dL/da&lt;t-1&gt; into work.dANext. It stores dz&lt;t&gt; and dz_y&lt;t&gt; as column blocks for
    /// <see cref="AccumulateOverTime"/>, and adds dz&lt;t&gt; x&lt;t&gt;^T to dWax here when x is one-hot (a column scatter).
    /// </summary>
    private void BackwardStep(RnnCache cache, BackwardWorkspace work, SequenceTargets? y, BackwardOptions? options, RnnGradients g, int t)
    {
        var p = Parameters;
        int columns = cache.Length * cache.BatchSize;
        var da = work.dA;
        da.CopyFrom(work.dANext);                        // da = dL/da<t> through a<t+1>
        if (y is not null && p.nY > 0)
        {
            var dzy = work.dZY;
            Losses.Gradient(cache.YHat(t), y, t, dzy);   // dz_y = w (yHat<t> - y<t>)
            Blas.CopyToColumnBlock(dzy, work.dZYAll, columns, t - 1);
            Blas.MulAdd(work.WyaT, dzy, da);             // da  += Wya^T dz_y
        }
        if (options?.dAFromAbove is { } above)
        {
            var extra = above[t - 1].Data;
            for (int i = 0; i < da.Data.Length; i++)
            {
                da.Data[i] += extra[i];                  // da += dL/da<t> from above
            }
        }
        g.dA?[t - 1].CopyFrom(da);                       // keep dL/da<t> when asked
        var dz = work.dZ;
        cell.Backward(cache.Step(t), da, work.dANext, dz, dz, work.dANext); // dz = da ⊙ g1'(z<t>), da_next = 0
        Blas.CopyToColumnBlock(dz, work.dZAll, columns, t - 1);
        if (cache.X.IsOneHot)
        {
            Blas.ScatterAddColumns(dz, cache.X.Tokens(t), g.dWax); // dWax += dz x<t>^T, x<t> one-hot
        }
        if (g.dX is { } dx)
        {
            dx[t - 1].Clear();
            Blas.MulAdd(work.WaxT, dz, dx[t - 1]);       // dx<t> = Wax^T dz
        }
        Blas.MulAdd(work.WaaT, dz, work.dANext);         // da_next = Waa^T dz
    }

    /// <summary>
    /// The parameter gradients are sums over time, so each is one matrix product over all Tx m columns:
    /// dWaa = sum_t dz&lt;t&gt; a&lt;t-1&gt;^T = [dz&lt;1&gt; .. dz&lt;Tx&gt;] [a&lt;0&gt; .. a&lt;Tx-1&gt;]^T, likewise dWya (with a head)
    /// and dWax (dense x only: one-hot x was scattered during the walk); dba and dby are row sums of the dz blocks.
    /// </summary>
    private void AccumulateOverTime(RnnCache cache, BackwardWorkspace work, bool head, RnnGradients g)
    {
        var p = Parameters;
        int m = cache.BatchSize, tx = cache.Length, columns = tx * m;
        int nA = p.nA, nY = p.nY, nX = p.nX;
        for (int t = 0; t <= tx; t++)
        {
            Blas.Transpose(cache.A(t).Data, work.AAllT.AsSpan(t * m * nA, m * nA), nA, m); // rows t m .. of [a<0>^T; a<1>^T; ...]
        }
        Blas.MulAdd(work.dZAll, work.AAllT.AsSpan(0, columns * nA), g.dWaa.Data, nA, columns, nA); // dWaa = Σ_t dz<t> a<t-1>^T
        Blas.AddRowSums(work.dZAll, nA, columns, g.dBa);                                           // dba  = Σ_t Σ_j dz<t>
        if (head && nY > 0)
        {
            Blas.MulAdd(work.dZYAll, work.AAllT.AsSpan(m * nA, columns * nA), g.dWya.Data, nY, columns, nA); // dWya = Σ_t dz_y<t> a<t>^T
            Blas.AddRowSums(work.dZYAll, nY, columns, g.dBy);                                                // dby  = Σ_t Σ_j dz_y<t>
        }
        if (!cache.X.IsOneHot)
        {
            cache.X.AddOuterProducts(work.dZAll, nA, work.XAllT(), g.dWax.Data); // dWax = Σ_t dz<t> x<t>^T
        }
    }

    private RnnGradients PrepareGradients(RnnGradients? gradients, int m, int dxSteps, int daSteps)
    {
        var p = Parameters;
        if (gradients is null || gradients.dA0.Cols != m || gradients.dWax.Cols != p.nX
            || gradients.dWaa.Rows != p.nA || gradients.dWya.Rows != p.nY)
        {
            gradients = new RnnGradients(p.nX, p.nA, p.nY, m);
        }
        gradients.Clear();
        gradients.dX = StepMatrices.Reuse(gradients.dX, dxSteps, p.nX, m);
        gradients.dA = StepMatrices.Reuse(gradients.dA, daSteps, p.nA, m);
        return gradients;
    }
}
