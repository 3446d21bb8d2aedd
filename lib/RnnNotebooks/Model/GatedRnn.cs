namespace RnnNotebooks;

/// <summary>
/// What <see cref="Gru"/> and <see cref="Lstm"/> share: a gated recurrent layer over Tx steps for a batch of m sequences,
/// with the note's output layer on top,
/// <code>
/// (a&lt;t&gt;[, c&lt;t&gt;]) = cell(x&lt;t&gt;, a&lt;t-1&gt;[, c&lt;t-1&gt;])     (GRU: <see cref="GruCell"/>; LSTM: <see cref="LstmCell"/>)
/// yHat&lt;t&gt; = g2(Wya a&lt;t&gt; + by)
/// L        = sum_t sum_j w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j)
/// </code>
/// and backpropagation through time to every weight and bias, the initial state(s) and (when asked) every x&lt;t&gt;.
/// Every gate's pre-activation is split in an input side Wax x&lt;t&gt; + bax and a recurrent side Waa a&lt;t-1&gt; + baa;
/// the weight gradients are then sums over t of outer products with those sides' gradients dGx&lt;t&gt; and dGa&lt;t&gt;,
/// computed after the walk as one product each, as <see cref="Rnn"/> does.
/// </summary>
public abstract class GatedRnn : IRecurrentLayer
{
    private readonly IRecurrentCell cell;

    private protected GatedRnn(GatedParameters parameters, IRecurrentCell cell, Activation g2)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Gates != cell.Gates)
        {
            throw new ArgumentException($"{GetType().Name} needs G = {cell.Gates} gate blocks; these parameters have G = {parameters.Gates}.", nameof(parameters));
        }
        this.cell = cell;
        LossKind = Losses.For(g2);
        Parameters = parameters;
        G2 = g2;
    }

    /// <summary>The parameters Wax, Waa, bax, baa, Wya, by.</summary>
    public GatedParameters Parameters { get; }

    /// <summary>g2, the output activation.</summary>
    public Activation G2 { get; }

    /// <summary>The per-step loss that goes with g2.</summary>
    public LossKind LossKind { get; }

    /// <summary>n_x, n_a, n_y.</summary>
    public (int nX, int nA, int nY) Sizes => (Parameters.nX, Parameters.nA, Parameters.nY);

    /// <summary>True for an LSTM, which carries a cell state c&lt;t&gt; besides a&lt;t&gt;.</summary>
    public bool HasCell => cell.HasCellState;

    /// <inheritdoc/>
    public RecurrentCell Cell => HasCell ? RecurrentCell.Lstm : RecurrentCell.Gru;

    /// <inheritdoc/>
    IRecurrentParameters IRecurrentLayer.Parameters => Parameters;

    /// <inheritdoc/>
    IRecurrentCache IRecurrentLayer.Forward(SequenceBatch x, Matrix? a0, Matrix? c0, IRecurrentCache? cache) => ForwardCore(x, a0, c0, cache as GatedCache);

    /// <inheritdoc/>
    double IRecurrentLayer.Loss(IRecurrentCache cache, SequenceTargets y) => Loss(RecurrentLayers.Own<GatedCache>(cache, Name), y);

    /// <inheritdoc/>
    IRecurrentGradients IRecurrentLayer.Backward(IRecurrentCache cache, SequenceTargets? y, BackwardOptions? options, IRecurrentGradients? gradients) =>
        Backward(RecurrentLayers.Own<GatedCache>(cache, Name), y, options, gradients as GatedGradients);

    /// <summary>"GRU" or "LSTM", for messages.</summary>
    private string Name => HasCell ? "LSTM" : "GRU";

    /// <summary>L = sum over t and samples j of w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j).</summary>
    /// <exception cref="NonFiniteException">The loss is NaN or infinite; the message names the first such step.</exception>
    public double Loss(GatedCache cache, SequenceTargets y)
    {
        ValidateTargets(cache, y);
        double total = 0;
        for (int t = 1; t <= cache.Length; t++)
        {
            total += Losses.FiniteStep(LossKind, cache.Logits(t), cache.YHat(t), y, t);
        }
        return total;
    }

    /// <summary>
    /// Backpropagation through time. From da_next = dALast (or 0) and, for the LSTM, dc_next = dCLast (or 0), walks t = Tx .. 1:
    /// <code>
    /// dz_y&lt;t&gt; = w (yHat&lt;t&gt; - y&lt;t&gt;)                                (n_y, m), when y is given
    /// da       = Wya^T dz_y&lt;t&gt; + da_next (+ dAFromAbove&lt;t&gt;)           (n_a, m)
    /// dGx, dGa = the cell's backward step (<see cref="GruCell.GateGradients"/>, <see cref="LstmCell.GateGradients"/>)
    /// da_next  = (GRU: da ⊙ z) + Waa^T dGa,   dx&lt;t&gt; = Wax^T dGx (when asked)
    /// </code>
    /// then dA0 = da_next, dC0 = dc_next, dWax = Σ_t dGx&lt;t&gt; x&lt;t&gt;^T, dbax = Σ_t Σ_j dGx&lt;t&gt;, dWaa = Σ_t dGa&lt;t&gt; a&lt;t-1&gt;^T,
    /// dbaa = Σ_t Σ_j dGa&lt;t&gt;, dWya = Σ_t dz_y&lt;t&gt; a&lt;t&gt;^T, dby = Σ_t Σ_j dz_y&lt;t&gt;.
    /// </summary>
    /// <param name="cache">The cache of the forward pass.</param>
    /// <param name="y">Targets for the output layer; null when only <see cref="BackwardOptions"/> gradients flow in.</param>
    /// <param name="options">dALast, dAFromAbove, and whether to return dX and dA.</param>
    /// <param name="gradients">Gradients to overwrite, reused when they fit; otherwise, or when null, new ones.</param>
    /// <returns>The gradients: dWax, dWaa, dBax, dBaa, dWya, dBy, dA0, dC0 (LSTM), and dX, dA when asked.</returns>
    public GatedGradients Backward(GatedCache cache, SequenceTargets? y, BackwardOptions? options = null, GatedGradients? gradients = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var p = Parameters;
        if (!cache.Fits(p.Gates, cache.Length, p.nA, p.nY, cache.BatchSize, HasCell))
        {
            throw new ArgumentException($"the cache was made by a model of other sizes than this {GetType().Name}'s.", nameof(cache));
        }
        int tx = cache.Length, m = cache.BatchSize;
        y?.Validate(p.nY, G2, tx, m);
        options?.Validate(Parameters.nA, tx, m, HasCell, Name);
        gradients = PrepareGradients(gradients, m, options?.ComputeDX == true ? tx : 0, options?.KeepDA == true ? tx : 0);
        var work = cache.Workspace(p.nX, p.nA, p.nY);
        Blas.Transpose(p.Waa, work.WaaT); // fixed during the pass: transpose once
        Blas.Transpose(p.Wya, work.WyaT);
        if (gradients.dX is not null)
        {
            Blas.Transpose(p.Wax, work.WaxT);
        }
        if (options?.dALast is { } daLast)
        {
            work.dANext.CopyFrom(daLast);
        }
        else
        {
            work.dANext.Clear();
        }
        if (options?.dCLast is { } dcLast)
        {
            work.dCNext.CopyFrom(dcLast);      // dL/dc<Tx> from outside (LSTM only: validated above)
        }
        else
        {
            work.dCNext.Clear();
        }
        for (int t = tx; t >= 1; t--)
        {
            BackwardStep(cache, work, y, options, gradients, t);
        }
        gradients.dA0.CopyFrom(work.dANext);   // dL/da<0>
        gradients.dC0?.CopyFrom(work.dCNext);  // dL/dc<0>
        AccumulateOverTime(cache, work, y is not null, gradients);
        return gradients;
    }

    /// <summary>Forward, loss and BPTT in one call (allocates a cache and gradients).</summary>
    public (double Loss, GatedGradients Gradients) LossAndGradients(SequenceBatch x, SequenceTargets y, Matrix? a0 = null, Matrix? c0 = null)
    {
        var cache = ForwardCore(x, a0, c0, null);
        double loss = Loss(cache, y);
        return (loss, Backward(cache, y));
    }

    /// <summary>Wax x&lt;t&gt; + bax into <paramref name="pre"/> (G n_a, m), for dense x&lt;t&gt; (n_x, m).</summary>
    internal static void InputPart(GatedParameters p, Matrix x, Matrix pre)
    {
        Blas.BroadcastColumns(p.Bax, pre); // pre = bax
        Blas.MulAdd(p.Wax, x, pre);        //     + Wax x<t>
    }

    /// <summary>The forward pass both subclasses expose: checks, then for t = 1 .. Tx the input side, the cell, the output layer.</summary>
    private protected GatedCache ForwardCore(SequenceBatch x, Matrix? a0, Matrix? c0, GatedCache? cache)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!HasCell)
        {
            RecurrentLayers.NoCellState(c0, Name);
        }
        var p = Parameters;
        int tx = x.Length, m = x.BatchSize;
        p.CheckInputs(x, a0, c0);
        p.CheckFinite();
        if (cache is null || !cache.Fits(p.Gates, tx, p.nA, p.nY, m, HasCell))
        {
            cache = new GatedCache(p.Gates, tx, p.nA, p.nY, m, HasCell);
        }
        cache.X = x;
        SetInitial(cache.A(0), a0);
        if (HasCell)
        {
            SetInitial(cache.C(0), c0);
        }
        var weights = p.Weights;
        for (int t = 1; t <= tx; t++)
        {
            cell.Forward(weights, StepInput.At(x, t), cache.Step(t)); // (a<t>[, c<t>]) = cell(x<t>, a<t-1>[, c<t-1>])
            CheckState(cache.A(t), t);
            if (p.nY > 0)
            {
                RnnCell.OutputUnchecked(p.Wya, p.By, G2, cache.A(t), cache.Logits(t), cache.YHat(t)); // yHat<t> = g2(Wya a<t> + by)
            }
        }
        return cache;
    }

    private void BackwardStep(GatedCache cache, GatedWorkspace work, SequenceTargets? y, BackwardOptions? options, GatedGradients g, int t)
    {
        var p = Parameters;
        int columns = cache.Length * cache.BatchSize;
        var da = work.dA;
        da.CopyFrom(work.dANext);                        // da = dL/da<t> through step t + 1
        if (y is not null && p.nY > 0)
        {
            Losses.Gradient(cache.YHat(t), y, t, work.dZY); // dz_y = w (yHat<t> - y<t>)
            Blas.CopyToColumnBlock(work.dZY, work.dZYAll, columns, t - 1);
            Blas.MulAdd(work.WyaT, work.dZY, da);        // da += Wya^T dz_y
        }
        if (options?.dAFromAbove is { } above)
        {
            var extra = above[t - 1].Data;
            for (int i = 0; i < da.Data.Length; i++)
            {
                da.Data[i] += extra[i];                  // da += dL/da<t> from above
            }
        }
        g.dA?[t - 1].CopyFrom(da);
        cell.Backward(cache.Step(t), da, work.dCNext, work.dGx, work.dGa, work.dANext); // dGx, dGa, da_next (direct part), dc_next
        var dGa = cell.SharesGateGradient ? work.dGx : work.dGa; // the LSTM's two sides have the same gradient
        Blas.CopyToColumnBlock(work.dGx, work.dGxAll, columns, t - 1);
        if (!cell.SharesGateGradient)
        {
            Blas.CopyToColumnBlock(dGa, work.dGaAll, columns, t - 1);
        }
        if (cache.X.IsOneHot)
        {
            Blas.ScatterAddColumns(work.dGx, cache.X.Tokens(t), g.dWax); // dWax += dGx x<t>^T, x<t> one-hot
        }
        if (g.dX is { } dx)
        {
            dx[t - 1].Clear();
            Blas.MulAdd(work.WaxT, work.dGx, dx[t - 1]); // dx<t> = Wax^T dGx
        }
        Blas.MulAdd(work.WaaT, dGa, work.dANext);        // da_next += Waa^T dGa
    }

    private void AccumulateOverTime(GatedCache cache, GatedWorkspace work, bool head, GatedGradients g)
    {
        var p = Parameters;
        int m = cache.BatchSize, tx = cache.Length, columns = tx * m;
        int nA = p.nA, nY = p.nY, nX = p.nX, rows = p.Gates * nA;
        for (int t = 0; t <= tx; t++)
        {
            Blas.Transpose(cache.A(t).Data, work.AAllT.AsSpan(t * m * nA, m * nA), nA, m);
        }
        var dGaAll = cell.SharesGateGradient ? work.dGxAll : work.dGaAll;
        Blas.MulAdd(dGaAll, work.AAllT.AsSpan(0, columns * nA), g.dWaa.Data, rows, columns, nA); // dWaa = Σ_t dGa<t> a<t-1>^T
        Blas.AddRowSums(dGaAll, rows, columns, g.dBaa);                                           // dbaa = Σ_t Σ_j dGa<t>
        Blas.AddRowSums(work.dGxAll, rows, columns, g.dBax);                                      // dbax = Σ_t Σ_j dGx<t>
        if (head && nY > 0)
        {
            Blas.MulAdd(work.dZYAll, work.AAllT.AsSpan(m * nA, columns * nA), g.dWya.Data, nY, columns, nA); // dWya = Σ_t dz_y<t> a<t>^T
            Blas.AddRowSums(work.dZYAll, nY, columns, g.dBy);                                                // dby  = Σ_t Σ_j dz_y<t>
        }
        if (!cache.X.IsOneHot)
        {
            cache.X.AddOuterProducts(work.dGxAll, rows, work.XAllT(), g.dWax.Data); // dWax = Σ_t dGx<t> x<t>^T
        }
    }

    private static void SetInitial(Matrix state, Matrix? given)
    {
        if (given is null)
        {
            state.Clear();
        }
        else
        {
            state.CopyFrom(given);
        }
    }

    private void CheckState(Matrix a, int t)
    {
        if (!Guard.AllFinite(a.Data))
        {
            throw new NonFiniteException("a", t,
                $"a<{t}> (time step t={t}) of the {GetType().Name} contains NaN or infinity: a parameter or input is too large. " +
                "Lower the learning rate or clip gradients.");
        }
    }

    private void ValidateTargets(GatedCache cache, SequenceTargets y)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(y);
        y.Validate(Parameters.nY, G2, cache.Length, cache.BatchSize);
    }

    private GatedGradients PrepareGradients(GatedGradients? gradients, int m, int dxSteps, int daSteps)
    {
        var p = Parameters;
        if (gradients is null || !gradients.Fits(p, m))
        {
            gradients = new GatedGradients(p.Gates, p.nX, p.nA, p.nY, m, HasCell);
        }
        gradients.Clear();
        gradients.dX = StepMatrices.Reuse(gradients.dX, dxSteps, p.nX, m);
        gradients.dA = StepMatrices.Reuse(gradients.dA, daSteps, p.nA, m);
        return gradients;
    }
}
